<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
  <context>
    <name>engine</name>
    <message>
      <location filename="../../engine/batches.py" line="126" />
      <source>{name!r} cannot be used as a batch name.</source>
      <translation>{name!r} kan niet als naam van een batch worden gebruikt.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="127" />
      <source>A batch name has 1 to {most} characters and none of \ / : * ? " &lt; &gt; |.</source>
      <translation>Een batchnaam heeft 1 tot {most} tekens en geen van \ / : * ? " &lt; &gt; |.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="128" />
      <source>Choose a short name such as 'Pilot' or 'Finance week 12'.</source>
      <translation>Kies een korte naam, zoals 'Pilot' of 'Financiën week 12'.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="150" />
      <source>The batch {name} has no mailboxes.</source>
      <translation>De batch {name} bevat geen postvakken.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="152" />
      <source>Import a mailbox list with at least one good row.</source>
      <translation>Importeer een lijst met postvakken met minstens één goede rij.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="157" />
      <source>The batch {name} has {count} mailboxes; a batch holds at most {most}.</source>
      <translation>De batch {name} bevat {count} postvakken; een batch bevat er hoogstens {most}.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="163" />
      <source>Microsoft's staged migration limits a batch to 2,000 mailboxes, and so does Mailstage.</source>
      <translation>De gefaseerde migratie van Microsoft beperkt een batch tot 2.000 postvakken, en Mailstage doet dat ook.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="164" />
      <source>Split the list into batches (mailstage-cli validate shows how) and start them one after the other.</source>
      <translation>Verdeel de lijst over batches (mailstage-cli validate laat zien hoe) en start ze na elkaar.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="171" />
      <source>A batch named {name} already exists.</source>
      <translation>Er bestaat al een batch met de naam {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="172" />
      <source>Batch names must be unique.</source>
      <translation>Batchnamen moeten uniek zijn.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="173" />
      <source>Run that batch again for an incremental sync, or choose another name for a new batch.</source>
      <translation>Voer die batch opnieuw uit voor een incrementele synchronisatie, of kies een andere naam voor een nieuwe batch.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="195" />
      <source>{what}: '{text}' is not a date.</source>
      <translation>{what}: '{text}' is geen datum.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="196" />
      <source>Mailstage reads a date as year-month-day (2024-03-31) or day-month-year (31-3-2024).</source>
      <translation>Mailstage leest een datum als jaar-maand-dag (2024-03-31) of dag-maand-jaar (31-3-2024).</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="197" />
      <source>Give {what} as for example 2024-03-31.</source>
      <translation>Geef {what} op als bijvoorbeeld 2024-03-31.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="206" />
      <source>The date range ends ({last}) before it begins ({first}).</source>
      <translation>De periode eindigt ({last}) voordat ze begint ({first}).</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="211" />
      <source>No message could be received in it, so the batch would copy nothing.</source>
      <translation>Daarin kan geen enkel bericht zijn ontvangen, dus de batch zou niets kopiëren.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="212" />
      <source>Swap the two dates, or leave one of them out.</source>
      <translation>Verwissel de twee datums, of laat er een weg.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="221" />
      <source>none yet</source>
      <translation>nog geen</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="224" />
      <source>There is no batch named {name}.</source>
      <translation>Er is geen batch met de naam {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="225" />
      <source>Known batches: {known}.</source>
      <translation>Bekende batches: {known}.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="226" />
      <source>mailstage-cli status lists the batches; check the spelling of the name.</source>
      <translation>mailstage-cli status toont de batches; controleer de spelling van de naam.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="307" />
      <source>The batch {batch} uses the endpoint {endpoint}, which no longer exists.</source>
      <translation>De batch {batch} gebruikt het eindpunt {endpoint}, dat niet meer bestaat.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="313" />
      <source>Add it again with mailstage-cli endpoint add {endpoint} ...</source>
      <translation>Voeg het opnieuw toe met mailstage-cli endpoint add {endpoint} ...</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="478" />
      <source>Mailstage failed unexpectedly on mailbox {address}.</source>
      <translation>Mailstage liep onverwacht vast op postvak {address}.</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="479" />
      <source>{name} (details in the batch log).</source>
      <translation>{name} (details in het logboek van de batch).</translation>
    </message>
    <message>
      <location filename="../../engine/batches.py" line="480" />
      <source>Retry the failed mailboxes; if it happens again, send the batch log to support.</source>
      <translation>Probeer de mislukte postvakken opnieuw; gebeurt het weer, stuur dan het logboek van de batch naar support.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="29" />
      <source>The {rdtype} record of {name} could not be looked up: {problem}.</source>
      <translation>Het {rdtype}-record van {name} kon niet worden opgezocht: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="35" />
      <source>Check the DNS server (or --nameserver) and the spelling of {domain}, then run the checks again.</source>
      <translation>Controleer de DNS-server (of --nameserver) en de spelling van {domain} en voer de controles daarna opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="44" />
      <source>The domain {domain} does not exist in DNS (asked {asked}).</source>
      <translation>Het domein {domain} bestaat niet in DNS (gevraagd aan {asked}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="49" />
      <source>Check the spelling of {domain} (give the e-mail domain, the part after @ in the addresses).</source>
      <translation>Controleer de spelling van {domain} (geef het e-maildomein op: het deel na de @ in de adressen).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="66" />
      <source>After cut-over it must point to {host} (Microsoft 365).</source>
      <translation>Na de overstap moet het naar {host} verwijzen (Microsoft 365).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="68" />
      <source>After cut-over it must point to the new mail system's mail server.</source>
      <translation>Na de overstap moet het naar de mailserver van het nieuwe mailsysteem verwijzen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="72" />
      <source>{domain} has no MX record: other mail servers do not know where to deliver its mail. {after}</source>
      <translation>{domain} heeft geen MX-record: andere mailservers weten niet waar ze de e-mail moeten afleveren. {after}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="77" />
      <source>Add an MX record for {domain} pointing to the mail server that receives its mail today; if {domain} is not the e-mail domain of the mailboxes, give the right one with --domain.</source>
      <translation>Voeg voor {domain} een MX-record toe dat verwijst naar de mailserver die de e-mail nu ontvangt; is {domain} niet het e-maildomein van de postvakken, geef dan het juiste op met --domain.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="87" />
      <source>{host} (preference {preference})</source>
      <translation>{host} (voorkeur {preference})</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="94" />
      <source>MX of {domain} points to {pointing}; TTL {ttl}. {after}</source>
      <translation>De MX van {domain} verwijst naar {pointing}; TTL {ttl}. {after}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="101" />
      <source>Lower the MX record's TTL from {seconds} s to {advice} s (1 hour) or less at least {ttl} before cut-over, so the change to the new system spreads quickly.</source>
      <translation>Verlaag de TTL van het MX-record van {seconds} s naar {advice} s (1 uur) of minder, minstens {ttl} vóór de overstap, zodat de wijziging naar het nieuwe systeem zich snel verspreidt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="112" />
      <source>MX of {domain} points to {pointing}; TTL {ttl}. {after} The TTL is short enough for a quick cut-over.</source>
      <translation>De MX van {domain} verwijst naar {pointing}; TTL {ttl}. {after} De TTL is kort genoeg voor een snelle overstap.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="146" />
      <source>{name} is a CNAME to {destination} (TTL {ttl})</source>
      <translation>{name} is een CNAME naar {destination} (TTL {ttl})</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="158" />
      <source>{name} has the address {addresses} (no CNAME)</source>
      <translation>{name} heeft het adres {addresses} (geen CNAME)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="169" />
      <source>{name} SRV points to {host} port {port}</source>
      <translation>{name} SRV verwijst naar {host} poort {port}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="179" />
      <source>After cut-over, {name} must be a CNAME to {destination} (Microsoft 365).</source>
      <translation>Na de overstap moet {name} een CNAME naar {destination} zijn (Microsoft 365).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="185" />
      <source>After cut-over, {name} must point to the new mail system's Autodiscover service.</source>
      <translation>Na de overstap moet {name} naar de Autodiscover-service van het nieuwe mailsysteem verwijzen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="191" />
      <source>{domain} has no Autodiscover record ({name} and {srv_name} do not exist): Outlook cannot set up mail profiles by itself. {after}</source>
      <translation>{domain} heeft geen Autodiscover-record ({name} en {srv_name} bestaan niet): Outlook kan mailprofielen niet zelf instellen. {after}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="199" />
      <source>Add a CNAME record {name} at cut-over pointing to {destination}; until then Outlook users must enter their server settings by hand.</source>
      <translation>Voeg bij de overstap een CNAME-record {name} toe dat naar {destination} verwijst; tot dan moeten Outlook-gebruikers hun serverinstellingen zelf invullen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="206" />
      <source>Add a CNAME record {name} at cut-over pointing to the new system's Autodiscover; until then Outlook users must enter their server settings by hand.</source>
      <translation>Voeg bij de overstap een CNAME-record {name} toe dat naar de Autodiscover van het nieuwe systeem verwijst; tot dan moeten Outlook-gebruikers hun serverinstellingen zelf invullen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="215" />
      <source>{records}. {after} It already points to Microsoft 365.</source>
      <translation>{records}. {after} Het verwijst nu al naar Microsoft 365.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="220" />
      <source>Outlook of users whose mailbox is not migrated yet now looks for it in Microsoft 365: point {name} back to the old server until the last batch is done, or finish the migration soon.</source>
      <translation>Outlook zoekt het postvak van gebruikers die nog niet zijn gemigreerd nu al in Microsoft 365: laat {name} weer naar de oude server verwijzen tot de laatste batch klaar is, of rond de migratie snel af.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="246" />
      <source>Add a TXT record for {domain} (host name @) with exactly the value {value}, as the admin center shows it; a change can take up to the record's TTL to be seen.</source>
      <translation>Voeg voor {domain} een TXT-record toe (hostnaam @) met precies de waarde {value}, zoals het beheercentrum die toont; een wijziging kan pas na de TTL van het record overal zichtbaar zijn.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="254" />
      <source>{domain} publishes the TXT record {value} (TTL {ttl}).</source>
      <translation>{domain} publiceert het TXT-record {value} (TTL {ttl}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="263" />
      <source>{domain} has no TXT record; expected {value}.</source>
      <translation>{domain} heeft geen TXT-record; verwacht: {value}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="269" />
      <source>{domain} has a TXT record {found}, not the expected {value}. All TXT records: {records}.</source>
      <translation>{domain} heeft een TXT-record {found}, niet het verwachte {value}. Alle TXT-records: {records}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="276" />
      <source>Replace the TXT record {found} with {value} (copy it again from the admin center: one character differs).</source>
      <translation>Vervang het TXT-record {found} door {value} (kopieer het opnieuw uit het beheercentrum: er wijkt een teken af).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/domain.py" line="284" />
      <source>{domain} has no TXT record {value}. Its TXT records: {records}.</source>
      <translation>{domain} heeft geen TXT-record {value}. De TXT-records: {records}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="104" />
      <source>About {duration} for 1 mailbox ({messages} messages, {size}) with {parallel} at once, from a sample of {sampled} messages ({sample_size}) read at {rate}/s; writing to the target is assumed to take as long as reading.</source>
      <translation>Ongeveer {duration} voor 1 postvak ({messages} berichten, {size}) met {parallel} tegelijk, op basis van een steekproef van {sampled} berichten ({sample_size}) gelezen met {rate}/s; aangenomen is dat schrijven naar het nieuwe systeem even lang duurt als lezen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="110" />
      <source>About {duration} for {mailboxes} mailboxes ({messages} messages, {size}) with {parallel} at once, from a sample of {sampled} messages ({sample_size}) read at {rate}/s; writing to the target is assumed to take as long as reading.</source>
      <translation>Ongeveer {duration} voor {mailboxes} postvakken ({messages} berichten, {size}) met {parallel} tegelijk, op basis van een steekproef van {sampled} berichten ({sample_size}) gelezen met {rate}/s; aangenomen is dat schrijven naar het nieuwe systeem even lang duurt als lezen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="151" />
      <source>under a minute</source>
      <translation>minder dan een minuut</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="153" />
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="157" />
      <source>{hours} h {minutes} min</source>
      <translation>{hours} u {minutes} min</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="159" />
      <source>{hours} h</source>
      <translation>{hours} u</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="162" />
      <source>{days} days {hours} h</source>
      <translation>{days} dagen {hours} u</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="207" />
      <source>Not run: no mailbox's size could be measured (see mailbox.size).</source>
      <translation>Niet uitgevoerd: van geen enkel postvak kon de grootte worden gemeten (zie mailbox.size).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="212" />
      <source>The listed mailboxes are empty: there is nothing to copy.</source>
      <translation>De postvakken in de lijst zijn leeg: er valt niets te kopiëren.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="225" />
      <source>Not run: no message could be read for the sample.</source>
      <translation>Niet uitgevoerd: er kon geen bericht voor de steekproef worden gelezen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/estimate.py" line="230" />
      <source>{estimate} {count} mailboxes could not be measured and are not included.</source>
      <translation>{estimate} {count} postvakken konden niet worden gemeten en zijn niet meegeteld.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="79" />
      <source>Cancelled before it finished.</source>
      <translation>Geannuleerd voordat de controle klaar was.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="327" />
      <source>The check stopped on an unexpected error ({kind}).</source>
      <translation>De controle is gestopt door een onverwachte fout ({kind}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="328" />
      <source>Run the checks again; if this stays, send the Mailstage log file to support.</source>
      <translation>Voer de controles opnieuw uit; blijft dit gebeuren, stuur dan het logbestand van Mailstage naar support.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="339" />
      <source>Not run: {check} did not run.</source>
      <translation>Niet uitgevoerd: {check} is niet uitgevoerd.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="341" />
      <source>Not run: {check} failed.</source>
      <translation>Niet uitgevoerd: {check} is mislukt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="343" />
      <source>Not run: {check} was skipped.</source>
      <translation>Niet uitgevoerd: {check} is overgeslagen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="443" />
      <source>No result within {seconds:g} seconds: something stopped answering.</source>
      <translation>Geen resultaat binnen {seconds:g} seconden: iets reageert niet meer.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/framework.py" line="448" />
      <source>Make sure the server answers, then run the checks again.</source>
      <translation>Zorg dat de server reageert en voer de controles daarna opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="37" />
      <source>{address} signed in with OAuth2 in {ms:.0f} ms.</source>
      <translation>{address} is met OAuth2 aangemeld in {ms:.0f} ms.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="40" />
      <source>SASL PLAIN on behalf of the mailbox</source>
      <translation>SASL PLAIN namens het postvak</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="44" />
      <source>The admin account {admin} opened {address} ({style}) in {ms:.0f} ms.</source>
      <translation>Het beheerdersaccount {admin} heeft {address} geopend ({style}) in {ms:.0f} ms.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="52" />
      <source>The admin account {admin} logged in in {ms:.0f} ms.</source>
      <translation>Het beheerdersaccount {admin} is aangemeld in {ms:.0f} ms.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="55" />
      <source>{address} logged in with its own password in {ms:.0f} ms.</source>
      <translation>{address} is met het eigen wachtwoord aangemeld in {ms:.0f} ms.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="63" />
      <source>{size} bytes</source>
      <translation>{size} bytes</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="70" />
      <source>Check the admin password of endpoint {name} (enter it again with mailstage-cli endpoint add {name} ... --password-stdin) and that {admin} may open other users' mailboxes (Exchange: FullAccess or the admin role; Dovecot: a master user).</source>
      <translation>Controleer het beheerderswachtwoord van eindpunt {name} (voer het opnieuw in met mailstage-cli endpoint add {name} ... --password-stdin) en of {admin} de postvakken van andere gebruikers mag openen (Exchange: FullAccess of de beheerdersrol; Dovecot: een master user).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="91" />
      <source>Nothing to log in with: endpoint {name} has no admin account, and no mailbox list was given (each mailbox logs in with its own password from the list).</source>
      <translation>Niets om mee aan te melden: eindpunt {name} heeft geen beheerdersaccount en er is geen lijst met postvakken opgegeven (elk postvak meldt zich aan met het eigen wachtwoord uit de lijst).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="123" />
      <source>The folder {folder} exists and can be read.</source>
      <translation>De map {folder} bestaat en kan worden gelezen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="124" />
      <source>The folder {folder} exists and can be written.</source>
      <translation>De map {folder} bestaat en er kan in worden geschreven.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="127" />
      <source>The folder {folder} exists but this account may not read it.</source>
      <translation>De map {folder} bestaat, maar dit account mag hem niet lezen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="128" />
      <source>Give your Windows account read permission on {folder}.</source>
      <translation>Geef uw Windows-account leesrechten op {folder}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="131" />
      <source>The folder {folder} exists but this account may not write it.</source>
      <translation>De map {folder} bestaat, maar dit account mag er niet in schrijven.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="132" />
      <source>Give your Windows account write permission on {folder}.</source>
      <translation>Geef uw Windows-account schrijfrechten op {folder}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="138" />
      <source>The folder {folder} does not exist yet; it will be created in {parent}.</source>
      <translation>De map {folder} bestaat nog niet; hij wordt aangemaakt in {parent}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="145" />
      <source>The folder {folder} does not exist.</source>
      <translation>De map {folder} bestaat niet.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="146" />
      <source>Correct the endpoint's URL ({url}) or create the folder.</source>
      <translation>Corrigeer de URL van het eindpunt ({url}) of maak de map aan.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="157" />
      <source>UIDPLUS: the target names each copied message at once, so an interrupted copy resumes exactly</source>
      <translation>UIDPLUS: het nieuwe systeem noemt elk gekopieerd bericht meteen, zodat een onderbroken kopie precies verdergaat</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="158" />
      <source>no UIDPLUS: resuming after an interruption is slower (copied messages are found again by Message-ID)</source>
      <translation>geen UIDPLUS: verdergaan na een onderbreking is trager (gekopieerde berichten worden via de Message-ID teruggevonden)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="164" />
      <source>MULTIAPPEND: several messages go in one command</source>
      <translation>MULTIAPPEND: meerdere berichten gaan in één opdracht</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="165" />
      <source>no MULTIAPPEND: one command per message, slower over a long distance</source>
      <translation>geen MULTIAPPEND: één opdracht per bericht, trager over een grote afstand</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="169" />
      <source>LITERAL+: messages are sent without waiting for the server's go-ahead</source>
      <translation>LITERAL+: berichten worden verstuurd zonder op het startsein van de server te wachten</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="170" />
      <source>no LITERAL+: one extra round trip per message</source>
      <translation>geen LITERAL+: één extra retour per bericht</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="174" />
      <source>SPECIAL-USE: Sent, Trash, Drafts and Junk are recognised by their role</source>
      <translation>SPECIAL-USE: Verzonden items, Verwijderde items, Concepten en Ongewenste e-mail worden aan hun rol herkend</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="175" />
      <source>no SPECIAL-USE: folders are matched by name (Sent Items, Verzonden items...)</source>
      <translation>geen SPECIAL-USE: mappen worden op naam gekoppeld (Sent Items, Verzonden items...)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="182" />
      <source>no SPECIAL-USE: folders are mapped by name (Verzonden items, Sent Items...)</source>
      <translation>geen SPECIAL-USE: mappen worden op naam toegewezen (Verzonden items, Sent Items...)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="186" />
      <source>CONDSTORE: an incremental sync sees at once which folders changed</source>
      <translation>CONDSTORE: een incrementele synchronisatie ziet meteen welke mappen zijn gewijzigd</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="187" />
      <source>no CONDSTORE: each incremental sync lists every folder again (slower for large mailboxes)</source>
      <translation>geen CONDSTORE: elke incrementele synchronisatie leest alle mappen opnieuw uit (trager bij grote postvakken)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="199" />
      <source>Not applicable: a folder on this computer has no capabilities to check.</source>
      <translation>Niet van toepassing: een map op deze computer heeft geen mogelijkheden om te controleren.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="209" />
      <source>APPENDLIMIT={limit}: the largest message the target takes is {size}</source>
      <translation>APPENDLIMIT={limit}: het grootste bericht dat het nieuwe systeem aanneemt is {size}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="215" />
      <source>no APPENDLIMIT: the target does not say how large a message may be (a refusal is reported per message)</source>
      <translation>geen APPENDLIMIT: het nieuwe systeem zegt niet hoe groot een bericht mag zijn (een weigering wordt per bericht gemeld)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="222" />
      <source>{meanings}. Offered: {listed}.</source>
      <translation>{meanings}. Aangeboden: {listed}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="236" />
      <source>Not applicable: a folder on this computer has no connection limit.</source>
      <translation>Niet van toepassing: een map op deze computer heeft geen verbindingslimiet.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="255" />
      <source>session {number} was refused: {reason}</source>
      <translation>sessie {number} werd geweigerd: {reason}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="262" />
      <source>{number} of {planned} sessions open</source>
      <translation>{number} van {planned} sessies open</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="274" />
      <source>{count} sessions were dropped by the server after login</source>
      <translation>{count} sessies zijn na het aanmelden door de server verbroken</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="276" />
      <source>1 session was dropped by the server after login</source>
      <translation>1 sessie is na het aanmelden door de server verbroken</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="279" />
      <source>{reason}; {count} more dropped after login</source>
      <translation>{reason}; nog {count} verbroken na het aanmelden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="282" />
      <source>{planned} sessions were open at once (the planned concurrency) and closed again.</source>
      <translation>{planned} sessies waren tegelijk open (het geplande aantal) en zijn weer gesloten.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="290" />
      <source>Not one extra session could be opened: {reason}.</source>
      <translation>Er kon geen enkele extra sessie worden geopend: {reason}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="291" />
      <source>Check the server's connection limits for {address} and that no other program holds its sessions.</source>
      <translation>Controleer de verbindingslimieten van de server voor {address} en of geen ander programma de sessies bezet houdt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="302" />
      <source>Only {alive} of {planned} sessions could be open at once: {reason}.</source>
      <translation>Slechts {alive} van de {planned} sessies konden tegelijk open zijn: {reason}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/logins.py" line="308" />
      <source>Raise the server's connection limit to at least {planned} ({where}) or lower Maximum concurrent migrations to {alive}.</source>
      <translation>Verhoog de verbindingslimiet van de server naar minstens {planned} ({where}) of verlaag Maximaal aantal gelijktijdige migraties naar {alive}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="36" />
      <source>Give the DNS server as HOST or HOST:PORT, e.g. 192.0.2.53 or 127.0.0.1:5353.</source>
      <translation>Geef de DNS-server op als HOST of HOST:POORT, bijvoorbeeld 192.0.2.53 of 127.0.0.1:5353.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="43" />
      <source>The DNS server {text} has no closing ']'.</source>
      <translation>De DNS-server {text} heeft geen afsluitende ']'.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="52" />
      <source>{text} is not a DNS server address.</source>
      <translation>{text} is geen adres van een DNS-server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="60" />
      <source>No DNS server was given.</source>
      <translation>Er is geen DNS-server opgegeven.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="66" />
      <source>The port in {text} is not a number from 1 to 65535.</source>
      <translation>De poort in {text} is geen getal van 1 tot en met 65535.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="114" />
      <source>DNS server {nameserver}</source>
      <translation>DNS-server {nameserver}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="115" />
      <source>this computer's DNS servers</source>
      <translation>de DNS-servers van deze computer</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="140" />
      <source>the DNS server's name does not resolve ({error})</source>
      <translation>de naam van de DNS-server wordt niet gevonden ({error})</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="153" />
      <source>{asked} refused or failed to answer</source>
      <translation>{asked} weigerde of kon niet antwoorden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="160" />
      <source>{asked} did not answer within {seconds:.0f} s</source>
      <translation>{asked} antwoordde niet binnen {seconds:.0f} s</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="169" />
      <source>the look-up failed ({kind})</source>
      <translation>het opzoeken is mislukt ({kind})</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="187" />
      <source>{seconds} s (1 hour)</source>
      <translation>{seconds} s (1 uur)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="188" />
      <source>{seconds} s ({hours} hours)</source>
      <translation>{seconds} s ({hours} uur)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="192" />
      <source>{seconds} s (1 minute)</source>
      <translation>{seconds} s (1 minuut)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/lookup.py" line="193" />
      <source>{seconds} s ({minutes} minutes)</source>
      <translation>{seconds} s ({minutes} minuten)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="57" />
      <source>(no subject)</source>
      <translation>(geen onderwerp)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="114" />
      <source>{address} cannot be opened on the source, although the admin account itself works.</source>
      <translation>{address} kan op de oude server niet worden geopend, hoewel het beheerdersaccount zelf werkt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="120" />
      <source>Give {admin} full access to {address} on the source (Exchange: Add-MailboxPermission {address} -User {admin} -AccessRights FullAccess) and check that {address} is spelled as the source knows it; or remove it from the list.</source>
      <translation>Geef {admin} volledige toegang tot {address} op de oude server (Exchange: Add-MailboxPermission {address} -User {admin} -AccessRights FullAccess) en controleer of {address} gespeld is zoals de oude server het kent; of haal het uit de lijst.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="130" />
      <source>{address} cannot be opened on the source, although the server itself works.</source>
      <translation>{address} kan op de oude server niet worden geopend, hoewel de server zelf werkt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="136" />
      <source>Correct the password of {address} in the mailbox list, or remove it from the list.</source>
      <translation>Corrigeer het wachtwoord van {address} in de lijst met postvakken, of haal het uit de lijst.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="142" />
      <source>{address} opens on the source with the admin account {admin}: {count} folders.</source>
      <translation>{address} gaat op de oude server open met het beheerdersaccount {admin}: {count} mappen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="149" />
      <source>{address} opens on the source with its own password: {count} folders.</source>
      <translation>{address} gaat op de oude server open met het eigen wachtwoord: {count} mappen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="176" />
      <source>Create {address} in Microsoft 365 (directory synchronisation with Microsoft Entra Connect, or the admin center) and give it a licence with Exchange Online, then run the checks again.</source>
      <translation>Maak {address} aan in Microsoft 365 (adreslijstsynchronisatie met Microsoft Entra Connect, of het beheercentrum) en geef het een licentie met Exchange Online; voer daarna de controles opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="182" />
      <source>Create the mailbox {address} on the target (directory synchronisation must create every listed user before its mail can be copied), then run the checks again.</source>
      <translation>Maak het postvak {address} aan op het nieuwe systeem (adreslijstsynchronisatie moet elke gebruiker uit de lijst aanmaken voordat de e-mail gekopieerd kan worden); voer daarna de controles opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="189" />
      <source>There is no mailbox {address} on the target that Mailstage can open (the target refused it while the account that checks it works).</source>
      <translation>Er is op het nieuwe systeem geen postvak {address} dat Mailstage kan openen (het nieuwe systeem weigerde het, terwijl het account waarmee wordt gecontroleerd werkt).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="198" />
      <source>{address} exists on the target and opens.</source>
      <translation>{address} bestaat op het nieuwe systeem en gaat open.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="245" />
      <source>{folders} folders, {messages} messages, {size} on the source; largest message {largest}.</source>
      <translation>{folders} mappen, {messages} berichten, {size} op de oude server; grootste bericht {largest}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="262" />
      <source>{listed} and {count} more</source>
      <translation>{listed} en nog {count}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="264" />
      <source>1 message is larger than the target accepts ({limit}) and will be skipped and reported: {listed}.</source>
      <translation>1 bericht is groter dan het nieuwe systeem aanneemt ({limit}) en wordt overgeslagen en gemeld: {listed}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="271" />
      <source>{count} messages are larger than the target accepts ({limit}) and will be skipped and reported: {listed}.</source>
      <translation>{count} berichten zijn groter dan het nieuwe systeem aanneemt ({limit}) en worden overgeslagen en gemeld: {listed}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/mailboxes.py" line="280" />
      <source>Ask the user of {address} to save these attachments elsewhere and delete the messages before the copy, or raise the target's message size limit; otherwise they stay on the old server only.</source>
      <translation>Vraag de gebruiker van {address} deze bijlagen elders op te slaan en de berichten vóór het kopiëren te verwijderen, of verhoog de maximale berichtgrootte van het nieuwe systeem; anders blijven ze alleen op de oude server staan.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="41" />
      <source>Not applicable: {path} is a folder on this computer, not a server.</source>
      <translation>Niet van toepassing: {path} is een map op deze computer, geen server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="61" />
      <source>{host} is an IP address: there is no name to resolve.</source>
      <translation>{host} is een IP-adres: er is geen naam om op te zoeken.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="79" />
      <source>{host} resolves to {addresses} (TTL {ttl} s; asked {asked}).</source>
      <translation>{host} verwijst naar {addresses} (TTL {ttl} s; gevraagd aan {asked}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="96" />
      <source>{host} is not in DNS ({asked}), but this computer finds it at {addresses} (hosts file or its own resolver).</source>
      <translation>{host} staat niet in DNS ({asked}), maar deze computer vindt het op {addresses} (hosts-bestand of de eigen resolver).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="106" />
      <source>Other computers asking {nameserver} will not find {host}: add an A record for {host} there if the migration may also run elsewhere.</source>
      <translation>Andere computers die {nameserver} vragen, vinden {host} niet: voeg daar een A-record voor {host} toe als de migratie ook elders kan draaien.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="117" />
      <source>{host} could not be looked up: {problem}.</source>
      <translation>{host} kon niet worden opgezocht: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="118" />
      <source>Check this computer's network and DNS settings (or the --nameserver given), then run the checks again.</source>
      <translation>Controleer de netwerk- en DNS-instellingen van deze computer (of de opgegeven --nameserver) en voer de controles daarna opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="124" />
      <source>The name {host} does not exist in DNS (asked {asked}) and this computer does not know it.</source>
      <translation>De naam {host} bestaat niet in DNS (gevraagd aan {asked}) en deze computer kent hem niet.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="129" />
      <source>Check the spelling of {host} in the endpoint's URL, or add an A record for {host} to your DNS (for a server inside your network: to the internal DNS this computer uses).</source>
      <translation>Controleer de spelling van {host} in de URL van het eindpunt, of voeg een A-record voor {host} toe aan uw DNS (voor een server in uw netwerk: aan de interne DNS die deze computer gebruikt).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="143" />
      <source>Check the port in the endpoint's URL (993 for IMAP over TLS, 143 for IMAP with STARTTLS), that the IMAP service runs on {host}, and that its firewall lets this computer connect to port {port}.</source>
      <translation>Controleer de poort in de URL van het eindpunt (993 voor IMAP over TLS, 143 voor IMAP met STARTTLS), of de IMAP-service op {host} draait en of de firewall deze computer verbinding laat maken met poort {port}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="166" />
      <source>{address} refused connections on port {port}: nothing listens there</source>
      <translation>{address} weigerde verbindingen op poort {port}: daar luistert niets</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="175" />
      <source>{address} did not answer on port {port} within {seconds:.0f} s (a firewall may drop the connection)</source>
      <translation>{address} antwoordde niet op poort {port} binnen {seconds:.0f} s (misschien gooit een firewall de verbinding weg)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="186" />
      <source>{address} port {port} cannot be reached ({reason})</source>
      <translation>{address} poort {port} is niet bereikbaar ({reason})</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="196" />
      <source>{host} accepts connections on port {port} ({address}, {ms:.0f} ms).</source>
      <translation>{host} accepteert verbindingen op poort {port} ({address}, {ms:.0f} ms).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="232" />
      <source>the server closed the connection without a greeting</source>
      <translation>de server sloot de verbinding zonder begroeting</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="235" />
      <source>it answered {answer} instead of an IMAP greeting</source>
      <translation>hij antwoordde {answer} in plaats van een IMAP-begroeting</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="245" />
      <source>the server closed the connection while listing its capabilities</source>
      <translation>de server sloot de verbinding tijdens het opsommen van zijn mogelijkheden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="251" />
      <source>the server does not offer STARTTLS</source>
      <translation>de server biedt geen STARTTLS aan</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="256" />
      <source>the server closed the connection after STARTTLS</source>
      <translation>de server sloot de verbinding na STARTTLS</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="259" />
      <source>the server refused STARTTLS</source>
      <translation>de server weigerde STARTTLS</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="286" />
      <source>valid until {date} ({days} days from now)</source>
      <translation>geldig tot {date} (nog {days} dagen)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="297" />
      <source>{url} is set to plain text (?tls=none): the admin password and every message cross the network unencrypted.</source>
      <translation>{url} staat op platte tekst (?tls=none): het beheerderswachtwoord en elk bericht gaan onversleuteld over het netwerk.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="302" />
      <source>Use imaps://{host}:993 or imap://{host}:143 with STARTTLS if the server offers either; keep ?tls=none only on a network you trust.</source>
      <translation>Gebruik imaps://{host}:993 of imap://{host}:143 met STARTTLS als de server een van beide aanbiedt; gebruik ?tls=none alleen op een netwerk dat u vertrouwt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="310" />
      <source>after STARTTLS</source>
      <translation>na STARTTLS</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="310" />
      <source>implicit TLS</source>
      <translation>impliciete TLS</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="317" />
      <source>{host} port {port}: {reason}, which the URL imap:// requires.</source>
      <translation>{host} poort {port}: {reason}, terwijl de URL imap:// dat vereist.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="323" />
      <source>Enable STARTTLS on the server, or use imaps://{host}:993 if it offers IMAP over TLS (only on a network you trust: add ?tls=none to the URL for plain text).</source>
      <translation>Schakel STARTTLS in op de server, of gebruik imaps://{host}:993 als die IMAP over TLS aanbiedt (alleen op een netwerk dat u vertrouwt: voeg ?tls=none aan de URL toe voor platte tekst).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="331" />
      <source>{host} port {port} is not an IMAP server: {reason}.</source>
      <translation>{host} poort {port} is geen IMAP-server: {reason}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="337" />
      <source>Check the port in the URL: IMAP with STARTTLS is usually 143, IMAP over TLS 993 (imaps://).</source>
      <translation>Controleer de poort in de URL: IMAP met STARTTLS is meestal 143, IMAP over TLS 993 (imaps://).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="345" />
      <source>{host} port {port} accepted the connection but did not answer the IMAP greeting within {seconds:.0f} s.</source>
      <translation>{host} poort {port} accepteerde de verbinding, maar gaf binnen {seconds:.0f} s geen IMAP-begroeting.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="352" />
      <source>Make sure port {port} is the IMAP port of the mail server (143 with STARTTLS) and that the service is not hanging (restart it); a proxy or firewall may also swallow the traffic.</source>
      <translation>Zorg dat poort {port} de IMAP-poort van de mailserver is (143 met STARTTLS) en dat de service niet vastzit (start hem opnieuw); ook een proxy of firewall kan het verkeer tegenhouden.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="359" />
      <source>{host} port {port} accepted the connection but did not answer the TLS handshake within {seconds:.0f} s.</source>
      <translation>{host} poort {port} accepteerde de verbinding, maar beantwoordde de TLS-handshake niet binnen {seconds:.0f} s.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="366" />
      <source>Make sure port {port} is the IMAP port of the mail server (993 with TLS) and that the service is not hanging (restart it); a proxy or firewall may also swallow the traffic.</source>
      <translation>Zorg dat poort {port} de IMAP-poort van de mailserver is (993 met TLS) en dat de service niet vastzit (start hem opnieuw); ook een proxy of firewall kan het verkeer tegenhouden.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="374" />
      <source>The TLS handshake with {host} port {port} ({how}) failed: {reason}.</source>
      <translation>De TLS-handshake met {host} poort {port} ({how}) is mislukt: {reason}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="381" />
      <source>Check that the port speaks TLS (993 for imaps://, 143 with STARTTLS for imap://) and that the server offers TLS 1.2 or newer.</source>
      <translation>Controleer of de poort TLS spreekt (993 voor imaps://, 143 met STARTTLS voor imap://) en of de server TLS 1.2 of nieuwer aanbiedt.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="388" />
      <source>The connection to {host} port {port} broke during the TLS handshake ({reason}).</source>
      <translation>De verbinding met {host} poort {port} werd tijdens de TLS-handshake verbroken ({reason}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="394" />
      <source>Run the checks again; if it stays, look at the mail server's log for TLS errors.</source>
      <translation>Voer de controles opnieuw uit; blijft het, zoek dan in het logboek van de mailserver naar TLS-fouten.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="401" />
      <source>subject {subject}; issuer {issuer}; valid {start} to {end}; SHA-256 {fingerprint}</source>
      <translation>onderwerp {subject}; uitgever {issuer}; geldig van {start} tot {end}; SHA-256 {fingerprint}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="418" />
      <source>{host} presented a different certificate than the one trusted for '{name}' ({certificate}).</source>
      <translation>{host} toonde een ander certificaat dan het certificaat dat voor '{name}' wordt vertrouwd ({certificate}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="425" />
      <source>If the server's certificate was replaced, confirm the new fingerprint with whoever manages the server and trust it: {command}. Otherwise do not continue: something may be intercepting the connection.</source>
      <translation>Is het certificaat van de server vervangen, controleer de nieuwe vingerafdruk dan met de beheerder van de server en vertrouw hem: {command}. Ga anders niet verder: misschien onderschept iets de verbinding.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="435" />
      <source>The pinned certificate of {host} is presented, but it expired on {date} ({certificate}).</source>
      <translation>Het vastgezette certificaat van {host} wordt getoond, maar het is verlopen op {date} ({certificate}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="441" />
      <source>Renew the certificate on {host}, then trust the new one with mailstage-cli endpoint trust {name}.</source>
      <translation>Vernieuw het certificaat op {host} en vertrouw daarna het nieuwe met mailstage-cli endpoint trust {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="450" />
      <source>{host} presents the certificate trusted for '{name}' ({protocol}, {how}; SHA-256 {fingerprint}; {validity}).</source>
      <translation>{host} toont het certificaat dat voor '{name}' wordt vertrouwd ({protocol}, {how}; SHA-256 {fingerprint}; {validity}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="468" />
      <source>{reason}. Certificate: {certificate}; issued for {names}.</source>
      <translation>{reason}. Certificaat: {certificate}; uitgegeven voor {names}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="476" />
      <source>Renew the certificate on {host} (it expired on {date}); until then, if you recognise it, trust exactly this certificate: {command}</source>
      <translation>Vernieuw het certificaat op {host} (het is verlopen op {date}); vertrouw tot dan, als u het herkent, precies dit certificaat: {command}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="484" />
      <source>Use a name the certificate was issued for ({names}) in the endpoint's URL, or install a certificate for {host} on the server; or trust exactly this certificate: {command}</source>
      <translation>Gebruik in de URL van het eindpunt een naam waarvoor het certificaat is uitgegeven ({names}), of installeer op de server een certificaat voor {host}; of vertrouw precies dit certificaat: {command}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="492" />
      <source>Install a certificate from a trusted authority on {host} (or your company's CA on this computer); or, if you recognise this one, trust exactly this certificate: {command}</source>
      <translation>Installeer op {host} een certificaat van een vertrouwde uitgever (of de CA van uw organisatie op deze computer); of vertrouw, als u dit certificaat herkent, precies dit certificaat: {command}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="502" />
      <source>{host} completes a TLS handshake only with old settings ({protocol}; {kind}). Certificate: {certificate}.</source>
      <translation>{host} voltooit een TLS-handshake alleen met oude instellingen ({protocol}; {kind}). Certificaat: {certificate}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="510" />
      <source>Enable TLS 1.2 or newer on {host}; or, for an old server you recognise, trust exactly this certificate (a trusted endpoint accepts older TLS): {command}</source>
      <translation>Schakel TLS 1.2 of nieuwer in op {host}; of vertrouw, voor een oude server die u herkent, precies dit certificaat (een vertrouwd eindpunt accepteert oudere TLS): {command}</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="520" />
      <source>The certificate of {host} verifies but expires soon: {validity} ({certificate}).</source>
      <translation>Het certificaat van {host} is geldig, maar verloopt binnenkort: {validity} ({certificate}).</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="526" />
      <source>Renew the certificate on {host} before {date}: a migration running then would stop.</source>
      <translation>Vernieuw het certificaat op {host} vóór {date}: een migratie die dan loopt, zou stoppen.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/servers.py" line="534" />
      <source>{protocol} ({how}); certificate for {names} issued by {issuer}, {validity}; chain and host name verified.</source>
      <translation>{protocol} ({how}); certificaat voor {names} uitgegeven door {issuer}, {validity}; keten en hostnaam gecontroleerd.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="48" />
      <source>There is no password for the admin account {admin} of endpoint {name}.</source>
      <translation>Er is geen wachtwoord voor het beheerdersaccount {admin} van eindpunt {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="53" />
      <source>The password was never entered, or it was removed from the system's password store.</source>
      <translation>Het wachtwoord is nooit ingevoerd, of het is uit de wachtwoordopslag van het systeem verwijderd.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="54" />
      <source>Enter it again: mailstage-cli endpoint add {name} ... --password-stdin.</source>
      <translation>Voer het opnieuw in: mailstage-cli endpoint add {name} ... --password-stdin.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="116" />
      <source>The check waited too long for a free connection to the server.</source>
      <translation>De controle heeft te lang gewacht op een vrije verbinding met de server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="117" />
      <source>Other checks held every connection the server allows.</source>
      <translation>Andere controles hielden alle verbindingen bezet die de server toestaat.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/sessions.py" line="118" />
      <source>Run the checks again with fewer mailboxes, or raise the server's connection limit.</source>
      <translation>Voer de controles opnieuw uit met minder postvakken, of verhoog de verbindingslimiet van de server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="81" />
      <source>The source server's name resolves</source>
      <translation>De naam van de oude server wordt gevonden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="81" />
      <source>The target server's name resolves</source>
      <translation>De naam van de nieuwe server wordt gevonden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="84" />
      <source>The source server accepts connections</source>
      <translation>De oude server accepteert verbindingen</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="86" />
      <source>The target server accepts connections</source>
      <translation>De nieuwe server accepteert verbindingen</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="90" />
      <source>The source server's TLS certificate is trusted</source>
      <translation>Het TLS-certificaat van de oude server wordt vertrouwd</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="91" />
      <source>The target server's TLS certificate is trusted</source>
      <translation>Het TLS-certificaat van de nieuwe server wordt vertrouwd</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="93" />
      <source>The source admin account logs in</source>
      <translation>Het beheerdersaccount van de oude server kan zich aanmelden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="93" />
      <source>The target admin account logs in</source>
      <translation>Het beheerdersaccount van de nieuwe server kan zich aanmelden</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="95" />
      <source>What the source server offers</source>
      <translation>Wat de oude server aanbiedt</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="95" />
      <source>What the target server offers</source>
      <translation>Wat de nieuwe server aanbiedt</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="97" />
      <source>The source server allows {planned} sessions at once</source>
      <translation>De oude server staat {planned} sessies tegelijk toe</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="98" />
      <source>The target server allows {planned} sessions at once</source>
      <translation>De nieuwe server staat {planned} sessies tegelijk toe</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="120" />
      <source>Check this computer's DNS settings (or the --nameserver given): the DNS server does not answer.</source>
      <translation>Controleer de DNS-instellingen van deze computer (of de opgegeven --nameserver): de DNS-server antwoordt niet.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="131" />
      <source>Let this computer through the firewall to {host} port {port}.</source>
      <translation>Laat deze computer door de firewall naar {host} poort {port}.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="144" />
      <source>Make sure {host} port {port} is the IMAP port of the mail server and that the service is not hanging.</source>
      <translation>Zorg dat {host} poort {port} de IMAP-poort van de mailserver is en dat de service niet vastzit.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="164" />
      <source>Mail for the domain (MX)</source>
      <translation>E-mail voor het domein (MX)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="171" />
      <source>Autodiscover for Outlook</source>
      <translation>Autodiscover voor Outlook</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="181" />
      <source>Domain verification (TXT)</source>
      <translation>Domeinverificatie (TXT)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="203" />
      <source>The source server accepts the connection but does not complete the login: look at its log.</source>
      <translation>De oude server accepteert de verbinding, maar rondt het aanmelden niet af: kijk in het logboek van de server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="207" />
      <source>The target server accepts the connection but does not complete the login: look at its log.</source>
      <translation>De nieuwe server accepteert de verbinding, maar rondt het aanmelden niet af: kijk in het logboek van de server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="226" />
      <source>Opening {planned} sessions took too long: lower Maximum concurrent migrations, or check the server's load.</source>
      <translation>Het openen van {planned} sessies duurde te lang: verlaag Maximaal aantal gelijktijdige migraties, of controleer de belasting van de server.</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="272" />
      <source>Admin access on the source</source>
      <translation>Beheerderstoegang op de oude server</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="284" />
      <source>Size on the source</source>
      <translation>Grootte op de oude server</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="299" />
      <source>Exists on the target (directory synchronisation)</source>
      <translation>Bestaat op het nieuwe systeem (adreslijstsynchronisatie)</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="310" />
      <source>{count} listed mailboxes</source>
      <translation>{count} postvakken in de lijst</translation>
    </message>
    <message>
      <location filename="../../engine/checks/suite.py" line="312" />
      <source>Estimated duration</source>
      <translation>Geschatte duur</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/base.py" line="65" />
      <source>There is no password for the mailbox {address} on endpoint {name}.</source>
      <translation>Er is geen wachtwoord voor het postvak {address} op eindpunt {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/base.py" line="76" />
      <source>Enter the password again (for the endpoint, or in the mailbox list) and retry.</source>
      <translation>Voer het wachtwoord opnieuw in (bij het eindpunt of in de lijst met postvakken) en probeer het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="173" />
      <source>The connection to {where} for mailbox {address} was interrupted.</source>
      <translation>De verbinding met {where} voor postvak {address} is onderbroken.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="179" />
      <source>Mailstage retries on its own; if this keeps happening, check the network and the server's load.</source>
      <translation>Mailstage probeert het zelf opnieuw; blijft dit gebeuren, controleer dan het netwerk en de belasting van de server.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="200" />
      <source>The server {where} is busy and refused to {doing} for mailbox {address}.</source>
      <translation>De server {where} heeft het te druk en weigerde voor postvak {address} {doing}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="207" />
      <source>Mailstage waits and retries; fewer mailboxes at once helps if this persists.</source>
      <translation>Mailstage wacht even en probeert het opnieuw; blijft dit zo, kopieer dan minder postvakken tegelijk.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="215" />
      <source>The mailbox {address} on {where} is full.</source>
      <translation>Het postvak {address} op {where} is vol.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="220" />
      <source>The server refused to {doing}: {text} (OVERQUOTA).</source>
      <translation>De server weigerde {doing}: {text} (OVERQUOTA).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="221" />
      <source>Raise the mailbox's quota (or its licence's) on the target and run the batch again; what was copied stays copied.</source>
      <translation>Verhoog het quotum van het postvak (of van de licentie) op het nieuwe systeem en voer de batch opnieuw uit; wat al gekopieerd is, blijft staan.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="230" />
      <source>The server {where} refused to {doing} for mailbox {address}.</source>
      <translation>De server {where} weigerde voor postvak {address} {doing}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="236" />
      <source>It said: {text} ({code}).</source>
      <translation>Antwoord van de server: {text} ({code}).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="237" />
      <source>Check that the account may do this on the server; the server's log has the details.</source>
      <translation>Controleer of het account dit op de server mag; het logboek van de server geeft de details.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="244" />
      <source>The connection is closed.</source>
      <translation>De verbinding is gesloten.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="256" />
      <source>The copy was stopped.</source>
      <translation>Het kopiëren is gestopt.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="298" />
      <source>A secure connection to {where} could not be made.</source>
      <translation>Er kon geen beveiligde verbinding met {where} worden gemaakt.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="299" />
      <source>The TLS handshake failed: {reason}.</source>
      <translation>De TLS-handshake is mislukt: {reason}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="300" />
      <source>Check the port and security setting of the endpoint (993 with SSL/TLS, 143 with STARTTLS).</source>
      <translation>Controleer de poort en de beveiligingsinstelling van het eindpunt (993 met SSL/TLS, 143 met STARTTLS).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="388" />
      <source>The server {where} does not accept a password login here.</source>
      <translation>De server {where} staat hier geen aanmelding met wachtwoord toe.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="389" />
      <source>It announces LOGINDISABLED: logins are only allowed over a secure connection.</source>
      <translation>De server meldt LOGINDISABLED: aanmelden mag alleen via een beveiligde verbinding.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="390" />
      <source>Use SSL/TLS (port 993) or STARTTLS for this endpoint.</source>
      <translation>Gebruik SSL/TLS (poort 993) of STARTTLS voor dit eindpunt.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="411" />
      <source>No way to sign in to {address} with OAuth2 was set up.</source>
      <translation>Er is geen manier ingesteld om met OAuth2 aan te melden bij {address}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="412" />
      <source>The endpoint needs an access token (Microsoft 365 signs in with OAuth2 only).</source>
      <translation>Het eindpunt heeft een toegangstoken nodig (Microsoft 365 meldt alleen aan met OAuth2).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="413" />
      <source>Set up the endpoint's app registration or sign-in first.</source>
      <translation>Stel eerst de app-registratie of de aanmelding van het eindpunt in.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="424" />
      <source>The server said: {text} ({code}).</source>
      <translation>Antwoord van de server: {text} ({code}).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="426" />
      <source>The server said: {text}.</source>
      <translation>Antwoord van de server: {text}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="431" />
      <source>The server {where} has no room for another connection to {address} now.</source>
      <translation>De server {where} heeft nu geen ruimte voor nog een verbinding met {address}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="437" />
      <source>Mailstage waits and retries; lower the number of mailboxes copied at once if this persists.</source>
      <translation>Mailstage wacht even en probeert het opnieuw; blijft dit zo, verlaag dan het aantal postvakken dat tegelijk wordt gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="446" />
      <source>The access token was refused: the app may lack permission for this mailbox, or the token expired.</source>
      <translation>Het toegangstoken werd geweigerd: de app heeft misschien geen machtiging voor dit postvak, of het token is verlopen.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="449" />
      <source>Check the app registration's IMAP permission and that the mailbox exists; then retry.</source>
      <translation>Controleer de IMAP-machtiging van de app-registratie en of het postvak bestaat; probeer het daarna opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="451" />
      <source>The admin account {admin} was refused: its password may be wrong or changed, or it may not open other users' mailboxes (here: {login}).</source>
      <translation>Het beheerdersaccount {admin} werd geweigerd: het wachtwoord is misschien onjuist of gewijzigd, of het account mag de postvakken van andere gebruikers niet openen (hier: {login}).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="457" />
      <source>Check the admin password of endpoint {name} and that the account has admin or Full Access rights to this mailbox.</source>
      <translation>Controleer het beheerderswachtwoord van eindpunt {name} en of het account beheerdersrechten of Full Access-rechten op dit postvak heeft.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="463" />
      <source>The user name {login} or its password was refused: the password is probably wrong, or was changed after the list was made, or the account is disabled.</source>
      <translation>De gebruikersnaam {login} of het wachtwoord werd geweigerd: waarschijnlijk is het wachtwoord onjuist, is het gewijzigd nadat de lijst is gemaakt, of is het account uitgeschakeld.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="468" />
      <source>Correct the password in the mailbox list (or ask the user for the new one) and retry this mailbox.</source>
      <translation>Verbeter het wachtwoord in de lijst met postvakken (of vraag de gebruiker om het nieuwe) en probeer dit postvak opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="473" />
      <source>Mailstage could not log in to the mailbox {address} on {where}.</source>
      <translation>Mailstage kon zich niet aanmelden bij het postvak {address} op {where}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="605" />
      <source>list the folders</source>
      <translation>de mappen op te sommen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="657" />
      <source>report folder counters</source>
      <translation>de tellers van de mappen te geven</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="717" />
      <source>list the messages of {folder}</source>
      <translation>de berichten in {folder} op te sommen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="765" />
      <source>open the folder {folder}</source>
      <translation>de map {folder} te openen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="781" />
      <source>read message headers in {folder}</source>
      <translation>berichtkoppen in {folder} te lezen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="868" />
      <source>read messages in {folder}</source>
      <translation>berichten in {folder} te lezen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="909" />
      <source>create the folder {folder}</source>
      <translation>de map {folder} aan te maken</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="985" />
      <source>store messages</source>
      <translation>berichten op te slaan</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap.py" line="1022" />
      <source>change flags in {folder}</source>
      <translation>markeringen in {folder} te wijzigen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="73" />
      <source>the name was not found in DNS ({detail})</source>
      <translation>de naam is niet gevonden in DNS ({detail})</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="75" />
      <source>the connection was refused: nothing listens on that port, or a firewall rejects it</source>
      <translation>de verbinding werd geweigerd: er luistert niets op die poort, of een firewall weigert haar</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="78" />
      <source>no answer within {seconds:g} s (a firewall may drop the connection)</source>
      <translation>geen antwoord binnen {seconds:g} s (misschien gooit een firewall de verbinding weg)</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="79" />
      <source>no answer in time (a firewall may drop the connection)</source>
      <translation>geen antwoord op tijd (misschien gooit een firewall de verbinding weg)</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="81" />
      <source>the connection was reset by the server or a firewall in between</source>
      <translation>de verbinding werd verbroken door de server of door een firewall ertussen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="413" />
      <source>Cannot connect to {where}: {problem}.</source>
      <translation>Kan geen verbinding maken met {where}: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="429" />
      <source>The server refused the connection: {text}.</source>
      <translation>De server weigerde de verbinding: {text}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="436" />
      <source>The server refused STARTTLS: {text}.</source>
      <translation>De server weigerde STARTTLS: {text}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="465" />
      <source>The connection broke while sending: {problem}.</source>
      <translation>De verbinding werd verbroken tijdens het verzenden: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="553" />
      <source>The connection broke while receiving: {problem}.</source>
      <translation>De verbinding werd verbroken tijdens het ontvangen: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="560" />
      <source>The server closed the connection.</source>
      <translation>De server heeft de verbinding gesloten.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="572" />
      <source>The server closed the connection in the middle of a message.</source>
      <translation>De server heeft de verbinding midden in een bericht gesloten.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="579" />
      <source>The connection broke while receiving a message: {problem}.</source>
      <translation>De verbinding werd verbroken tijdens het ontvangen van een bericht: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/imap_wire.py" line="613" />
      <source>The server ended the session: {text}.</source>
      <translation>De server heeft de sessie beëindigd: {text}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="153" />
      <source>There is no Maildir for {address} in {path}.</source>
      <translation>Er is geen Maildir voor {address} in {path}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="158" />
      <source>Mailstage looked for {folder} (with cur, new and tmp inside).</source>
      <translation>Mailstage zocht naar {folder} (met cur, new en tmp erin).</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="159" />
      <source>Check the endpoint's folder and the address in the mailbox list.</source>
      <translation>Controleer de map van het eindpunt en het adres in de lijst met postvakken.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="168" />
      <source>create the mailbox folder</source>
      <translation>de map van het postvak aan te maken</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="174" />
      <source>Mailstage could not {doing} for {address} in {folder}.</source>
      <translation>Mailstage slaagde er niet in om voor {address} in {folder} {doing}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="180" />
      <source>The system said: {problem}.</source>
      <translation>Melding van het systeem: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="181" />
      <source>Check that the folder exists, is writable, and that the disk is not full.</source>
      <translation>Controleer of de map bestaat en beschrijfbaar is, en of de schijf niet vol is.</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="232" />
      <source>read the folder {folder}</source>
      <translation>de map {folder} te lezen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="357" />
      <source>read a message in {folder}</source>
      <translation>een bericht in {folder} te lezen</translation>
    </message>
    <message>
      <location filename="../../engine/connectors/maildir.py" line="444" />
      <source>store a message in {folder}</source>
      <translation>een bericht in {folder} op te slaan</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="68" />
      <source>{domain!r} is not a domain name.</source>
      <translation>{domain!r} is geen domeinnaam.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="69" />
      <source>The cloud domain is the routing domain of the new system, such as contoso.mail.onmicrosoft.com.</source>
      <translation>Het clouddomein is het routeringsdomein van het nieuwe systeem, zoals contoso.mail.onmicrosoft.com.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="72" />
      <source>Give the domain only, without an @ or spaces.</source>
      <translation>Geef alleen het domein op, zonder @ of spaties.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="86" />
      <source>Mailbox {position} of batch {batch} has the on-premises address {address!r}, which is not an email address.</source>
      <translation>Postvak {position} van batch {batch} heeft als on-premises adres {address!r}, en dat is geen e-mailadres.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="94" />
      <source>Mailbox {position} of batch {batch} has the cloud address {address!r}, which is not an email address.</source>
      <translation>Postvak {position} van batch {batch} heeft als cloudadres {address!r}, en dat is geen e-mailadres.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="106" />
      <source>Correct the address in the mailbox list and create the batch again.</source>
      <translation>Verbeter het adres in de lijst met postvakken en maak de batch opnieuw aan.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="112" />
      <source>{address} in batch {batch} would forward to itself.</source>
      <translation>{address} in batch {batch} zou naar zichzelf doorsturen.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="113" />
      <source>The cloud address must be an address only the new system answers for, such as user@contoso.mail.onmicrosoft.com.</source>
      <translation>Het cloudadres moet een adres zijn waarvoor alleen het nieuwe systeem mail aanneemt, zoals user@contoso.mail.onmicrosoft.com.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="117" />
      <source>Give the routing domain: mailstage-cli cutover --cloud-domain contoso.mail.onmicrosoft.com</source>
      <translation>Geef het routeringsdomein op: mailstage-cli cutover --cloud-domain contoso.mail.onmicrosoft.com</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="130" />
      <source>Pick a batch that holds mailboxes.</source>
      <translation>Kies een batch die postvakken bevat.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="172" />
      <source>The cut-over scripts cannot be written to {folder}.</source>
      <translation>De overstapscripts kunnen niet worden opgeslagen in {folder}.</translation>
    </message>
    <message>
      <location filename="../../engine/cutover.py" line="174" />
      <source>Choose a folder you can write to.</source>
      <translation>Kies een map waarin u mag schrijven.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="102" />
      <source>The endpoint name {name!r} cannot be used.</source>
      <translation>De eindpuntnaam {name!r} kan niet worden gebruikt.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="103" />
      <source>A name is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
      <translation>Een naam bestaat uit 1 tot 64 letters, cijfers, punten, streepjes of liggende streepjes, en begint met een letter of cijfer.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="106" />
      <source>Choose a short name such as 'source' or 'exchange2007'.</source>
      <translation>Kies een korte naam, zoals 'source' of 'exchange2007'.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="114" />
      <source>Use imaps://HOST[:993], imap://HOST[:143], maildir:///PATH or m365://TENANT.</source>
      <translation>Gebruik imaps://HOST[:993], imap://HOST[:143], maildir:///PATH of m365://TENANT.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="119" />
      <source>The URL {url!r} names no server.</source>
      <translation>De URL {url!r} noemt geen server.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="123" />
      <source>The URL contains a user name or password.</source>
      <translation>De URL bevat een gebruikersnaam of wachtwoord.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="124" />
      <source>Passwords must never be typed on a command line or stored in settings.</source>
      <translation>Wachtwoorden horen nooit op een opdrachtregel of in instellingen.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="125" />
      <source>Remove them from the URL; give the account with --admin and the password when asked (or with --password-stdin).</source>
      <translation>Haal ze uit de URL; geef het account op met --admin en het wachtwoord wanneer erom wordt gevraagd (of met --password-stdin).</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="135" />
      <source>The port in {url!r} is not a number from 1 to 65535.</source>
      <translation>De poort in {url!r} is geen getal van 1 tot en met 65535.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="150" />
      <source>tls={option!r} is not understood.</source>
      <translation>tls={option!r} wordt niet begrepen.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="152" />
      <source>Use ?tls=none or leave it out.</source>
      <translation>Gebruik ?tls=none of laat het weg.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="163" />
      <source>The URL {url!r} is not a local folder.</source>
      <translation>De URL {url!r} is geen lokale map.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="164" />
      <source>A maildir URL has three slashes before an absolute path.</source>
      <translation>Een maildir-URL heeft drie schuine strepen voor een absoluut pad.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="165" />
      <source>Write it as maildir:///full/path/to/folder.</source>
      <translation>Schrijf hem als maildir:///volledig/pad/naar/map.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="173" />
      <source>The m365:// URL names no tenant.</source>
      <translation>De m365://-URL noemt geen tenant.</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="175" />
      <source>Write m365://contoso.onmicrosoft.com (your tenant's domain or ID).</source>
      <translation>Schrijf m365://contoso.onmicrosoft.com (het domein of de ID van uw tenant).</translation>
    </message>
    <message>
      <location filename="../../engine/endpoints.py" line="186" />
      <source>{url!r} is not an endpoint URL Mailstage knows.</source>
      <translation>{url!r} is geen eindpunt-URL die Mailstage kent.</translation>
    </message>
    <message>
      <location filename="../../engine/keystore.py" line="88" />
      <source>Mailstage cannot reach the system's password store (keyring).</source>
      <translation>Mailstage kan de wachtwoordopslag van het systeem (keyring) niet bereiken.</translation>
    </message>
    <message>
      <location filename="../../engine/keystore.py" line="89" />
      <source>The keyring reported: {name}.</source>
      <translation>De keyring meldde: {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/keystore.py" line="90" />
      <source>On Windows, Credential Manager must be available to your account; on Linux, start a Secret Service such as GNOME Keyring or KWallet. Mailstage never stores passwords in files.</source>
      <translation>Op Windows moet Referentiebeheer (Credential Manager) beschikbaar zijn voor uw account; op Linux start u een Secret Service zoals GNOME Keyring of KWallet. Mailstage bewaart wachtwoorden nooit in bestanden.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="132" />
      <source>Mailstage signs in to Microsoft 365</source>
      <translation>Mailstage meldt zich aan bij Microsoft 365</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="134" />
      <source>Microsoft's sign-in service did not answer in time: check this computer reaches https://login.microsoftonline.com (proxy, firewall).</source>
      <translation>De aanmeldservice van Microsoft antwoordde niet op tijd: controleer of deze computer https://login.microsoftonline.com bereikt (proxy, firewall).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="143" />
      <source>The Microsoft 365 IMAP server takes OAuth2 sign-in</source>
      <translation>De IMAP-server van Microsoft 365 accepteert aanmelden met OAuth2</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="151" />
      <source>Exchange Online allows {sessions} sessions per mailbox at once</source>
      <translation>Exchange Online staat {sessions} sessies tegelijk per postvak toe</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="163" />
      <source>Exists in Microsoft 365 and opens (directory synchronisation, FullAccess)</source>
      <translation>Bestaat in Microsoft 365 en opent (directorysynchronisatie, FullAccess)</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="175" />
      <source>Cancelled.</source>
      <translation>Geannuleerd.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="182" />
      <source>Microsoft's sign-in service ({authority}) gave the saved sign-in of {account} a token for {resource} with {permission}, valid until {valid}.</source>
      <translation>De aanmeldservice van Microsoft ({authority}) gaf de opgeslagen aanmelding van {account} een token voor {resource} met {permission}, geldig tot {valid}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="192" />
      <source>Microsoft's sign-in service ({authority}) gave the saved sign-in of the admin a token for {resource} with {permission}, valid until {valid}.</source>
      <translation>De aanmeldservice van Microsoft ({authority}) gaf de opgeslagen aanmelding van de beheerder een token voor {resource} met {permission}, geldig tot {valid}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="202" />
      <source>Microsoft's sign-in service ({authority}) gave the app {client_id} with its client secret a token for {resource} with {permission}, valid until {valid}.</source>
      <translation>De aanmeldservice van Microsoft ({authority}) gaf de app {client_id} met haar clientgeheim een token voor {resource} met {permission}, geldig tot {valid}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="214" />
      <source>{evidence} The sign-in is kept in {path}, readable only by your account, not encrypted.</source>
      <translation>{evidence} De aanmelding staat in {path}, alleen leesbaar voor uw account, niet versleuteld.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="219" />
      <source>Install a keyring service (GNOME Keyring or KWallet) so Mailstage can encrypt the saved sign-in.</source>
      <translation>Installeer een sleutelbosservice (GNOME Keyring of KWallet), zodat Mailstage de opgeslagen aanmelding kan versleutelen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="239" />
      <source>Could not read what {where} offers. {reason}</source>
      <translation>Kon niet uitlezen wat {where} aanbiedt. {reason}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="240" />
      <source>Check that the IMAP server of the endpoint (--imap) is outlook.office365.com:993 for the worldwide cloud, and that this computer may reach it.</source>
      <translation>Controleer of de IMAP-server van het eindpunt (--imap) outlook.office365.com:993 is voor de wereldwijde cloud, en of deze computer hem mag bereiken.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="255" />
      <source>{where} ended the connection while asked what it offers. {reason}</source>
      <translation>{where} verbrak de verbinding toen werd gevraagd wat hij aanbiedt. {reason}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="260" />
      <source>Try again later.</source>
      <translation>Probeer het later opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="267" />
      <source>{where} does not offer OAuth2 sign-in (AUTH=XOAUTH2). Offered: {listed}.</source>
      <translation>{where} biedt geen aanmelding met OAuth2 aan (AUTH=XOAUTH2). Aangeboden: {listed}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="272" />
      <source>The --imap server is not Exchange Online's: use outlook.office365.com:993 (US Government: outlook.office365.us, China: partner.outlook.cn).</source>
      <translation>De --imap-server is niet die van Exchange Online: gebruik outlook.office365.com:993 (US Government: outlook.office365.us, China: partner.outlook.cn).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="278" />
      <source>AUTH=XOAUTH2: mailboxes are opened with Microsoft 365 tokens</source>
      <translation>AUTH=XOAUTH2: postvakken worden geopend met tokens van Microsoft 365</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="280" />
      <source>UIDPLUS: an interrupted copy resumes exactly</source>
      <translation>UIDPLUS: een onderbroken kopie gaat precies verder waar hij was</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="282" />
      <source>no UIDPLUS: resuming is slower</source>
      <translation>geen UIDPLUS: hervatten gaat langzamer</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="298" />
      <source>No mailbox to open: with Microsoft 365 each session belongs to one mailbox; give the list.</source>
      <translation>Geen postvak om te openen: bij Microsoft 365 hoort elke sessie bij één postvak; geef de lijst op.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="329" />
      <source>{sessions} sessions to {address} opened at once (Mailstage opens at most that many).</source>
      <translation>{sessions} sessies met {address} tegelijk geopend (Mailstage opent er nooit meer).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="338" />
      <source>No session to {address} opened: {error}</source>
      <translation>Geen enkele sessie met {address} kon worden geopend: {error}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="342" />
      <source>Only {opened} of {sessions} sessions to {address} opened at once: {error}</source>
      <translation>Slechts {opened} van de {sessions} sessies met {address} gingen tegelijk open: {error}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="349" />
      <source>Lower the number of mailboxes copied at once (--concurrency) or try again later.</source>
      <translation>Verlaag het aantal postvakken dat tegelijk wordt gekopieerd (--concurrency) of probeer het later opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="359" />
      <source>Waited too long for a free session to Microsoft 365.</source>
      <translation>Te lang gewacht op een vrije sessie met Microsoft 365.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="360" />
      <source>Run the checks again with fewer mailboxes at once.</source>
      <translation>Voer de controles opnieuw uit met minder postvakken tegelijk.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/checks.py" line="377" />
      <source>{address} exists in Microsoft 365 and Mailstage may open it (INBOX selected: {count} messages).</source>
      <translation>{address} bestaat in Microsoft 365 en Mailstage mag het openen (INBOX geselecteerd: {count} berichten).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/clouds.py" line="62" />
      <source>There is no Microsoft cloud named '{key}'.</source>
      <translation>Er is geen Microsoft-cloud met de naam '{key}'.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/clouds.py" line="64" />
      <source>Use one of: {clouds}.</source>
      <translation>Gebruik een van: {clouds}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/connect.py" line="143" />
      <source>Exchange Online asked to slow down ({backoff} ms suggested)</source>
      <translation>Exchange Online vroeg om rustiger aan te doen ({backoff} ms voorgesteld)</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="60" />
      <source>Sign in again: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --auth device (or Target &gt; Sign in in the wizard).</source>
      <translation>Meld u opnieuw aan: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --auth device (of in de wizard: Aanmelden... op de pagina van het nieuwe e-mailsysteem).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="91" />
      <source>Microsoft 365 refused the client secret of the app {client_id}.</source>
      <translation>Microsoft 365 weigerde het clientgeheim van de app {client_id}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="92" />
      <source>The secret given is not the secret's Value: most often the Secret ID was copied instead (AADSTS7000215), or the secret was replaced or has expired.</source>
      <translation>Het opgegeven geheim is niet de Value van het geheim: meestal is in plaats daarvan de Secret ID gekopieerd (AADSTS7000215), of het geheim is vervangen of verlopen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="96" />
      <source>In the Entra admin center open App registrations &gt; the app &gt; Certificates &amp; secrets, create a new client secret and copy its Value (shown only once, not the Secret ID). Then give it again: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --secret-stdin.</source>
      <translation>Open in het Entra-beheercentrum App registrations &gt; de app &gt; Certificates &amp; secrets, maak een nieuw clientgeheim en kopieer de Value (wordt maar één keer getoond; niet de Secret ID). Geef het daarna opnieuw op: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --secret-stdin.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="109" />
      <source>Microsoft 365 refused the device-code sign-in for this app.</source>
      <translation>Microsoft 365 weigerde het aanmelden met apparaatcode voor deze app.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="110" />
      <source>The app registration does not allow public client flows, so Entra asks for a client secret (AADSTS7000218).</source>
      <translation>De app-registratie staat geen openbare clientstromen toe, dus Entra vraagt om een clientgeheim (AADSTS7000218).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="114" />
      <source>In the Entra admin center open App registrations &gt; the app &gt; Authentication and set 'Allow public client flows' to Yes, then sign in again. Or use app-only access with a client secret (--auth app).</source>
      <translation>Open in het Entra-beheercentrum App registrations &gt; de app &gt; Authentication, zet 'Allow public client flows' op Yes en meld u opnieuw aan. Of gebruik app-only toegang met een clientgeheim (--auth app).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="123" />
      <source>Microsoft 365 does not know the application {client_id} in the tenant {tenant}.</source>
      <translation>Microsoft 365 kent de toepassing {client_id} niet in de tenant {tenant}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="128" />
      <source>The Application (client) ID is mistyped, belongs to another tenant, or the app registration was deleted (AADSTS700016).</source>
      <translation>De Application (client) ID is verkeerd getypt, hoort bij een andere tenant, of de app-registratie is verwijderd (AADSTS700016).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="132" />
      <source>Copy the Application (client) ID from App registrations &gt; the app &gt; Overview, and check that the tenant is the one where the app is registered (the Directory (tenant) ID on the same page).</source>
      <translation>Kopieer de Application (client) ID uit App registrations &gt; de app &gt; Overview en controleer of de tenant de tenant is waarin de app geregistreerd is (de Directory (tenant) ID op dezelfde pagina).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="140" />
      <source>Microsoft 365 does not know the tenant {tenant}.</source>
      <translation>Microsoft 365 kent de tenant {tenant} niet.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="141" />
      <source>The tenant name or ID is mistyped, or it belongs to another Microsoft cloud ({aadsts}).</source>
      <translation>De naam of ID van de tenant is verkeerd getypt, of hij hoort bij een andere Microsoft-cloud ({aadsts}).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="145" />
      <source>Use the tenant's domain (for example contoso.onmicrosoft.com) or its Directory (tenant) ID from the Entra admin center &gt; Overview. For US Government or China, give --authority and --imap.</source>
      <translation>Gebruik het domein van de tenant (bijvoorbeeld contoso.onmicrosoft.com) of de Directory (tenant) ID uit het Entra-beheercentrum &gt; Overview. Geef voor US Government of China --authority en --imap op.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="154" />
      <source>Nobody has given admin consent for the app's IMAP permission (AADSTS65001).</source>
      <translation>Niemand heeft beheerderstoestemming gegeven voor de IMAP-machtiging van de app (AADSTS65001).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="155" />
      <source>In the Entra admin center open App registrations &gt; the app &gt; API permissions and click 'Grant admin consent for &lt;your organisation&gt;'. For sign-in with a device code the delegated permission IMAP.AccessAsUser.All (under Microsoft Graph or Office 365 Exchange Online) is needed.</source>
      <translation>Open in het Entra-beheercentrum App registrations &gt; de app &gt; API permissions en klik op 'Grant admin consent for &lt;uw organisatie&gt;'. Voor aanmelden met een apparaatcode is de gedelegeerde machtiging IMAP.AccessAsUser.All nodig (onder Microsoft Graph of Office 365 Exchange Online).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="164" />
      <source>The tenant has no Exchange Online to sign in to.</source>
      <translation>De tenant heeft geen Exchange Online om bij aan te melden.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="165" />
      <source>Entra does not know the resource https://outlook.office365.com in this tenant (AADSTS500011): Exchange Online is not licensed or not set up there, or the tenant is in another Microsoft cloud.</source>
      <translation>Entra kent de resource https://outlook.office365.com niet in deze tenant (AADSTS500011): Exchange Online heeft daar geen licentie of is niet ingericht, of de tenant zit in een andere Microsoft-cloud.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="170" />
      <source>Check the tenant has Exchange Online licences; for US Government or China give --authority and --imap for that cloud.</source>
      <translation>Controleer of de tenant Exchange Online-licenties heeft; geef voor US Government of China --authority en --imap van die cloud op.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="178" />
      <source>The sign-in was refused at Microsoft's sign-in page.</source>
      <translation>Het aanmelden werd geweigerd op de aanmeldpagina van Microsoft.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="179" />
      <source>The person signing in chose not to allow Mailstage access, or Microsoft blocked the sign-in.</source>
      <translation>Degene die zich aanmeldde, heeft Mailstage geen toegang gegeven, of Microsoft heeft het aanmelden geblokkeerd.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="180" />
      <source>Sign in again and accept the request, with an account that may open the mailboxes (an Exchange administrator with FullAccess on them).</source>
      <translation>Meld u opnieuw aan en accepteer het verzoek, met een account dat de postvakken mag openen (een Exchange-beheerder met FullAccess erop).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="189" />
      <source>The sign-in code expired before anybody signed in.</source>
      <translation>De aanmeldcode is verlopen voordat iemand zich aanmeldde.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="190" />
      <source>A device code is valid for about 15 minutes (AADSTS70020).</source>
      <translation>Een apparaatcode is ongeveer 15 minuten geldig (AADSTS70020).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="191" />
      <source>Start the sign-in again and enter the new code at the sign-in page within those minutes.</source>
      <translation>Start het aanmelden opnieuw en voer de nieuwe code binnen die minuten in op de aanmeldpagina.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="196" />
      <source>The sign-in code is no longer valid.</source>
      <translation>De aanmeldcode is niet meer geldig.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="197" />
      <source>The code was already used or is unknown (AADSTS70019).</source>
      <translation>De code is al gebruikt of is onbekend (AADSTS70019).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="198" />
      <source>Start the sign-in again.</source>
      <translation>Start het aanmelden opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="203" />
      <source>Mailstage's sign-in to Microsoft 365 has expired or was revoked.</source>
      <translation>De aanmelding van Mailstage bij Microsoft 365 is verlopen of ingetrokken.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="204" />
      <source>The saved sign-in is no longer accepted: it was unused for too long, the password changed, or an administrator revoked it ({aadsts}).</source>
      <translation>De opgeslagen aanmelding wordt niet meer geaccepteerd: ze is te lang niet gebruikt, het wachtwoord is gewijzigd, of een beheerder heeft haar ingetrokken ({aadsts}).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="214" />
      <source>A Conditional Access policy blocked the sign-in.</source>
      <translation>Een beleid voor voorwaardelijke toegang (Conditional Access) heeft het aanmelden geblokkeerd.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="215" />
      <source>Your organisation's Conditional Access rules do not allow this sign-in ({aadsts}).</source>
      <translation>De Conditional Access-regels van uw organisatie staan dit aanmelden niet toe ({aadsts}).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="219" />
      <source>Ask the Entra administrator to allow Mailstage's app (or this computer's location) in Conditional Access, or use app-only access with a client secret.</source>
      <translation>Vraag de Entra-beheerder de app van Mailstage (of de locatie van deze computer) toe te staan in Conditional Access, of gebruik app-only toegang met een clientgeheim.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="227" />
      <source>The account that signed in is not allowed to use this app.</source>
      <translation>Het account dat zich aanmeldde, mag deze app niet gebruiken.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="228" />
      <source>The Enterprise application requires user assignment and this account is not assigned (AADSTS50105).</source>
      <translation>De Enterprise application vereist gebruikerstoewijzing en dit account is niet toegewezen (AADSTS50105).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="232" />
      <source>In Enterprise applications &gt; the app &gt; Users and groups, add the admin account, or sign in with an account that is assigned.</source>
      <translation>Voeg in Enterprise applications &gt; de app &gt; Users and groups het beheerdersaccount toe, of meld u aan met een account dat wel is toegewezen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="240" />
      <source>Microsoft 365 did not accept the account that signed in.</source>
      <translation>Microsoft 365 accepteerde het account waarmee is aangemeld niet.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="241" />
      <source>The account does not exist in tenant {tenant} or its password was wrong ({aadsts}).</source>
      <translation>Het account bestaat niet in tenant {tenant} of het wachtwoord was onjuist ({aadsts}).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="246" />
      <source>Sign in again with an account of this tenant (an Exchange administrator).</source>
      <translation>Meld u opnieuw aan met een account van deze tenant (een Exchange-beheerder).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="251" />
      <source>Microsoft 365 did not accept the permission Mailstage asked for.</source>
      <translation>Microsoft 365 accepteerde de machtiging niet waar Mailstage om vroeg.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="252" />
      <source>The scope was refused ({aadsts}); this happens when --authority and --imap point to different Microsoft clouds.</source>
      <translation>Het bereik (scope) werd geweigerd ({aadsts}); dat gebeurt als --authority en --imap naar verschillende Microsoft-clouds wijzen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="257" />
      <source>Give --authority and --imap of the same cloud (or leave both out for the worldwide cloud).</source>
      <translation>Geef --authority en --imap van dezelfde cloud op (of laat beide weg voor de wereldwijde cloud).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="264" />
      <source>Microsoft 365 refused the credentials of the app {client_id}.</source>
      <translation>Microsoft 365 weigerde de referenties van de app {client_id}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="265" />
      <source>The client secret is wrong or expired.</source>
      <translation>Het clientgeheim is onjuist of verlopen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="266" />
      <source>Create a new client secret in App registrations &gt; the app &gt; Certificates &amp; secrets and give its Value again (--secret-stdin).</source>
      <translation>Maak een nieuw clientgeheim in App registrations &gt; de app &gt; Certificates &amp; secrets en geef de Value opnieuw op (--secret-stdin).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="273" />
      <source>Microsoft 365 refused the sign-in.</source>
      <translation>Microsoft 365 weigerde het aanmelden.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="274" />
      <source>Entra answered {error}.</source>
      <translation>Entra antwoordde {error}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="274" />
      <source>Entra answered an error.</source>
      <translation>Entra antwoordde met een fout.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="275" />
      <source>Check the tenant, the Application (client) ID and the app's permissions; the AADSTS code in Microsoft's answer can be looked up at https://login.microsoftonline.com/error.</source>
      <translation>Controleer de tenant, de Application (client) ID en de machtigingen van de app; de AADSTS-code in het antwoord van Microsoft is op te zoeken op https://login.microsoftonline.com/error.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="283" />
      <source>Too many sign-in requests from this app or network in a short time (HTTP 429).</source>
      <translation>Te veel aanmeldverzoeken van deze app of dit netwerk in korte tijd (HTTP 429).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="286" />
      <source>Microsoft's sign-in service is asking Mailstage to slow down, and kept doing so.</source>
      <translation>De aanmeldservice van Microsoft vraagt Mailstage om rustiger aan te doen, en bleef dat vragen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="287" />
      <source>{cause} Microsoft said: {said}</source>
      <translation>{cause} Antwoord van Microsoft: {said}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="288" />
      <source>Wait a few minutes and start again; Mailstage resumes where it stopped.</source>
      <translation>Wacht een paar minuten en start opnieuw; Mailstage gaat verder waar het gestopt is.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="298" />
      <source>Microsoft's sign-in service did not answer properly.</source>
      <translation>De aanmeldservice van Microsoft antwoordde niet zoals het hoort.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="299" />
      <source>It answered with a server error ({detail}) for longer than Mailstage waits.</source>
      <translation>Ze antwoordde met een serverfout ({detail}), langer dan Mailstage wacht.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="300" />
      <source>Try again later; the Microsoft 365 service health page (admin.microsoft.com) says whether sign-in has trouble.</source>
      <translation>Probeer het later opnieuw; de pagina Service health van Microsoft 365 (admin.microsoft.com) laat zien of het aanmelden problemen heeft.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="313" />
      <source>Mailstage cannot reach Microsoft's sign-in service at {host}.</source>
      <translation>Mailstage kan de aanmeldservice van Microsoft op {host} niet bereiken.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="314" />
      <source>The connection failed ({detail}). A proxy or firewall may block it, or the --authority is wrong.</source>
      <translation>De verbinding is mislukt ({detail}). Misschien blokkeert een proxy of firewall haar, of is de --authority onjuist.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="318" />
      <source>Check this computer can open https://login.microsoftonline.com in a browser; if a proxy is needed, set HTTPS_PROXY. If the certificate is not trusted, install your company's CA in Windows' certificate store.</source>
      <translation>Controleer of deze computer https://login.microsoftonline.com in een browser kan openen; is er een proxy nodig, stel dan HTTPS_PROXY in. Wordt het certificaat niet vertrouwd, installeer dan de CA van uw bedrijf in het certificaatarchief van Windows.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="333" />
      <source>The app may not open mailboxes yet: the permission was not granted.</source>
      <translation>De app mag nog geen postvakken openen: de machtiging is niet verleend.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="334" />
      <source>Microsoft issued a token without {permission} in it, which happens when the permission is added but admin consent was not given.</source>
      <translation>Microsoft gaf een token zonder {permission} erin; dat gebeurt als de machtiging is toegevoegd maar er geen beheerderstoestemming is gegeven.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="339" />
      <source>In the Entra admin center open App registrations &gt; the app &gt; API permissions: add Office 365 Exchange Online &gt; Application permissions &gt; {permission} (under 'APIs my organization uses') and click 'Grant admin consent for &lt;your organisation&gt;'.</source>
      <translation>Open in het Entra-beheercentrum App registrations &gt; de app &gt; API permissions: voeg Office 365 Exchange Online &gt; Application permissions &gt; {permission} toe (onder 'APIs my organization uses') en klik op 'Grant admin consent for &lt;uw organisatie&gt;'.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="353" />
      <source>Nobody has signed in to Microsoft 365 for the endpoint {endpoint} on this computer.</source>
      <translation>Niemand heeft zich op deze computer bij Microsoft 365 aangemeld voor het eindpunt {endpoint}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="357" />
      <source>Device-code access uses a sign-in saved on this computer; there is none (or it was removed).</source>
      <translation>Toegang met apparaatcode gebruikt een aanmelding die op deze computer is opgeslagen; die is er niet (of is verwijderd).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="367" />
      <source>The client secret of the endpoint {endpoint} is not in this computer's password store.</source>
      <translation>Het clientgeheim van het eindpunt {endpoint} staat niet in de wachtwoordopslag van deze computer.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="371" />
      <source>App-only access needs the app's client secret; it was never given on this computer, or removed.</source>
      <translation>App-only toegang heeft het clientgeheim van de app nodig; het is op deze computer nooit opgegeven, of het is verwijderd.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="372" />
      <source>Give it again: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --secret-stdin (or enter it on the wizard's Target page).</source>
      <translation>Geef het opnieuw op: mailstage-cli endpoint add {endpoint} --url m365://{tenant} --client-id {client_id} --secret-stdin (of vul het in de wizard in op de pagina van het nieuwe e-mailsysteem).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="397" />
      <source>&lt;OBJECT_ID&gt; is the Object ID on the overview of the app under Enterprise applications (not the one under App registrations), after the app's service principal was registered in Exchange (New-ServicePrincipal); mailstage-cli endpoint script {endpoint} --list LIST writes it all.</source>
      <translation>&lt;OBJECT_ID&gt; is de Object ID op het overzicht van de app onder Enterprise applications (niet die onder App registrations), nadat de service principal van de app in Exchange is geregistreerd (New-ServicePrincipal); mailstage-cli endpoint script {endpoint} --list LIST schrijft dit allemaal uit.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="409" />
      <source>Exchange Online answered 'User is authenticated but not connected': the account {account} has no FullAccess on this mailbox, the service principal was registered with the wrong Object ID, or IMAP is disabled on the mailbox.</source>
      <translation>Exchange Online antwoordde 'User is authenticated but not connected': het account {account} heeft geen FullAccess op dit postvak, de service principal is met de verkeerde Object ID geregistreerd, of IMAP staat uit voor het postvak.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="416" />
      <source>Exchange Online answered 'User is authenticated but not connected': the app {client_id} has no FullAccess on this mailbox, the service principal was registered with the wrong Object ID, or IMAP is disabled on the mailbox.</source>
      <translation>Exchange Online antwoordde 'User is authenticated but not connected': de app {client_id} heeft geen FullAccess op dit postvak, de service principal is met de verkeerde Object ID geregistreerd, of IMAP staat uit voor het postvak.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="424" />
      <source>Mailstage signed in but may not open the mailbox {address}.</source>
      <translation>Mailstage is aangemeld, maar mag het postvak {address} niet openen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="427" />
      <source>In Exchange Online PowerShell run: {command}; and Set-CASMailbox -Identity "{address}" -ImapEnabled $true.</source>
      <translation>Voer in Exchange Online PowerShell uit: {command}; en Set-CASMailbox -Identity "{address}" -ImapEnabled $true.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="444" />
      <source>Microsoft 365 refused to open the mailbox {address}.</source>
      <translation>Microsoft 365 weigerde het postvak {address} te openen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="445" />
      <source>The token was valid, so either the mailbox does not exist in Microsoft 365 yet (directory synchronisation not done, seed step 1, or a mistyped address), or Mailstage's app may not open it (no FullAccess, or IMAP disabled). The server said: {text}</source>
      <translation>Het token was geldig, dus ofwel bestaat het postvak nog niet in Microsoft 365 (directorysynchronisatie niet klaar, stap 1 van de voorbereiding, of een verkeerd getypt adres), ofwel mag de app van Mailstage het niet openen (geen FullAccess, of IMAP uitgeschakeld). Antwoord van de server: {text}</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="452" />
      <source>Check in Exchange Online PowerShell: Get-Mailbox -Identity "{address}". If it is not found, finish directory synchronisation (step 1) and wait for the mailbox to appear. If it is found, run: {command}; and Set-CASMailbox -Identity "{address}" -ImapEnabled $true.</source>
      <translation>Controleer in Exchange Online PowerShell: Get-Mailbox -Identity "{address}". Wordt het niet gevonden, rond dan de directorysynchronisatie af (stap 1) en wacht tot het postvak verschijnt. Wordt het wel gevonden, voer dan uit: {command}; en Set-CASMailbox -Identity "{address}" -ImapEnabled $true.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="470" />
      <source>The mailbox {address} does not exist in Microsoft 365.</source>
      <translation>Het postvak {address} bestaat niet in Microsoft 365.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="471" />
      <source>Directory synchronisation has not created it yet (seed step 1), or the address is mistyped.</source>
      <translation>De directorysynchronisatie heeft het nog niet aangemaakt (stap 1 van de voorbereiding), of het adres is verkeerd getypt.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="472" />
      <source>Finish directory synchronisation and check with: Get-Mailbox -Identity "{address}"; then run the checks again.</source>
      <translation>Rond de directorysynchronisatie af en controleer met: Get-Mailbox -Identity "{address}"; voer daarna de controles opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="486" />
      <source>Exchange Online is throttling the copy into {address}.</source>
      <translation>Exchange Online remt het kopiëren naar {address} af.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="487" />
      <source>It asked Mailstage to wait {seconds} seconds, after {waited:.0f} seconds of waiting already; Exchange Online limits how much one app copies per mailbox and hour.</source>
      <translation>Het vroeg Mailstage {seconds} seconden te wachten, na al {waited:.0f} seconden wachten; Exchange Online beperkt hoeveel één app per postvak per uur kopieert.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="493" />
      <source>Start the batch again later: it resumes where it stopped and copies nothing twice. Fewer mailboxes at a time (--concurrency) throttles less; Microsoft support can lift the limit for a migration on request.</source>
      <translation>Start de batch later opnieuw: hij gaat verder waar hij gestopt is en kopieert niets dubbel. Minder postvakken tegelijk (--concurrency) wordt minder afgeremd; Microsoft-ondersteuning kan de limiet voor een migratie op verzoek opheffen.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="508" />
      <source>A message of {megabytes:.1f} MB in {folder} was skipped: it is larger than {address} accepts.</source>
      <translation>Een bericht van {megabytes:.1f} MB in {folder} is overgeslagen: het is groter dan {address} accepteert.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="514" />
      <source>Exchange Online limits the size of a message it receives (about {limit:.0f} MB for this mailbox; 35 MB by default, 150 MB at most).</source>
      <translation>Exchange Online beperkt de grootte van een ontvangen bericht (ongeveer {limit:.0f} MB voor dit postvak; standaard 35 MB, hoogstens 150 MB).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/errors.py" line="519" />
      <source>To copy it, raise the limit: Set-Mailbox -Identity "{address}" -MaxReceiveSize 150MB -MaxSendSize 150MB; then run the batch again (only what is missing is copied).</source>
      <translation>Verhoog de limiet om het toch te kopiëren: Set-Mailbox -Identity "{address}" -MaxReceiveSize 150MB -MaxSendSize 150MB; voer daarna de batch opnieuw uit (alleen wat ontbreekt wordt gekopieerd).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="50" />
      <source>{address!r} is not a mailbox address.</source>
      <translation>{address!r} is geen postvakadres.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="51" />
      <source>The script grants access per mailbox, by its e-mail address.</source>
      <translation>Het script verleent toegang per postvak, op e-mailadres.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="52" />
      <source>Check the list: every row needs an EmailAddress such as anna@contoso.nl.</source>
      <translation>Controleer de lijst: elke rij heeft een EmailAddress nodig, zoals anna@contoso.nl.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="57" />
      <source>{address!r} contains a line break.</source>
      <translation>{address!r} bevat een regeleinde.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="59" />
      <source>Fix the list.</source>
      <translation>Verbeter de lijst.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="89" />
      <source>The sign-in mode {mode!r} is not known.</source>
      <translation>De aanmeldwijze {mode!r} is onbekend.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="91" />
      <source>Use app or device.</source>
      <translation>Gebruik app of device.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="96" />
      <source>The tenant {tenant!r} cannot be written into a script.</source>
      <translation>De tenant {tenant!r} kan niet in een script worden gezet.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="97" />
      <source>A tenant is a domain such as contoso.onmicrosoft.com or a Directory (tenant) ID.</source>
      <translation>Een tenant is een domein zoals contoso.onmicrosoft.com of een Directory (tenant) ID.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/script.py" line="98" />
      <source>Correct the endpoint's m365:// URL.</source>
      <translation>Verbeter de m365://-URL van het eindpunt.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="72" />
      <source>The endpoint {name} is not a Microsoft 365 endpoint.</source>
      <translation>Het eindpunt {name} is geen Microsoft 365-eindpunt.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="74" />
      <source>Use an endpoint added with --url m365://TENANT.</source>
      <translation>Gebruik een eindpunt dat is toegevoegd met --url m365://TENANT.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="79" />
      <source>The Microsoft 365 endpoint {name} has no Application (client) ID.</source>
      <translation>Het Microsoft 365-eindpunt {name} heeft geen Application (client) ID.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="80" />
      <source>Mailstage signs in as an app registration in your tenant.</source>
      <translation>Mailstage meldt zich aan als een app-registratie in uw tenant.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="81" />
      <source>Give it with --client-id (App registrations &gt; your app &gt; Overview &gt; Application (client) ID).</source>
      <translation>Geef hem op met --client-id (App registrations &gt; uw app &gt; Overview &gt; Application (client) ID).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="91" />
      <source>Use --auth app or --auth device.</source>
      <translation>Gebruik --auth app of --auth device.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="131" />
      <source>The authority {url!r} cannot be used.</source>
      <translation>De authority {url!r} is niet bruikbaar.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="132" />
      <source>An authority is the https address of the sign-in service with the tenant after it.</source>
      <translation>Een authority is het https-adres van de aanmeldservice met de tenant erachter.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="133" />
      <source>Write it as https://login.microsoftonline.com/TENANT (US Government: https://login.microsoftonline.us/TENANT, China: https://login.partner.microsoftonline.cn/TENANT).</source>
      <translation>Schrijf hem als https://login.microsoftonline.com/TENANT (US Government: https://login.microsoftonline.us/TENANT, China: https://login.partner.microsoftonline.cn/TENANT).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="296" />
      <source>The endpoint {name} signs in as an app (with a client secret).</source>
      <translation>Het eindpunt {name} meldt zich aan als app (met een clientgeheim).</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="300" />
      <source>Only device-code endpoints sign in interactively.</source>
      <translation>Alleen eindpunten met apparaatcode melden zich interactief aan.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="301" />
      <source>Add the endpoint with --auth device to sign in with a code.</source>
      <translation>Voeg het eindpunt toe met --auth device om met een code aan te melden.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="406" />
      <source>its certificate is not trusted by this computer</source>
      <translation>deze computer vertrouwt het certificaat niet</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="415" />
      <source>Signing in to Microsoft 365 failed unexpectedly.</source>
      <translation>Aanmelden bij Microsoft 365 is onverwacht mislukt.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="416" />
      <source>msal reported {name}.</source>
      <translation>msal meldde {name}.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="417" />
      <source>The details are in Mailstage's log; try again, and send the log to support if it persists.</source>
      <translation>De details staan in het logboek van Mailstage; probeer het opnieuw en stuur het logboek naar support als het blijft gebeuren.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="435" />
      <source>The sign-in service at {url} did not answer as Microsoft's does.</source>
      <translation>De aanmeldservice op {url} antwoordde niet zoals die van Microsoft.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="439" />
      <source>The authority URL is wrong, or the tenant is not found there.</source>
      <translation>De authority-URL is onjuist, of de tenant is daar niet gevonden.</translation>
    </message>
    <message>
      <location filename="../../engine/m365/tokens.py" line="440" />
      <source>Leave --authority out for the worldwide cloud, or give the whole URL with the tenant, for example https://login.microsoftonline.us/contoso.onmicrosoft.com.</source>
      <translation>Laat --authority weg voor de wereldwijde cloud, of geef de hele URL met de tenant op, bijvoorbeeld https://login.microsoftonline.us/contoso.onmicrosoft.com.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="87" />
      <source>The status mail has no recipient.</source>
      <translation>De statusmail heeft geen ontvanger.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="89" />
      <source>Give at least one address to send the status mail to.</source>
      <translation>Geef minstens één adres op om de statusmail naartoe te sturen.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="113" />
      <source>The mail server {host} refused the login of {user}.</source>
      <translation>De mailserver {host} weigerde de aanmelding van {user}.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="118" />
      <source>The password stored for status mail is wrong or has changed.</source>
      <translation>Het opgeslagen wachtwoord voor de statusmail is onjuist of gewijzigd.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="119" />
      <source>Enter the SMTP password again in the report settings.</source>
      <translation>Voer het SMTP-wachtwoord opnieuw in bij de rapportinstellingen.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="125" />
      <source>A secure connection to the mail server {host} could not be made.</source>
      <translation>Er kon geen beveiligde verbinding met de mailserver {host} worden gemaakt.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="126" />
      <source>{name}: the certificate or TLS settings do not match.</source>
      <translation>{name}: het certificaat of de TLS-instellingen passen niet.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="127" />
      <source>Check the server name and port (587 with STARTTLS, 465 with TLS).</source>
      <translation>Controleer de servernaam en de poort (587 met STARTTLS, 465 met TLS).</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="133" />
      <source>The status mail could not be sent through {host}:{port}.</source>
      <translation>De statusmail kon niet worden verstuurd via {host}:{port}.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="140" />
      <source>The server did not answer.</source>
      <translation>De server antwoordde niet.</translation>
    </message>
    <message>
      <location filename="../../engine/statusmail.py" line="141" />
      <source>Check the server name, port and security setting, and that this computer may send mail there.</source>
      <translation>Controleer de servernaam, de poort en de beveiligingsinstelling, en of deze computer daar mail mag versturen.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="256" />
      <source>Mailstage cannot open its state file {path}.</source>
      <translation>Mailstage kan zijn statusbestand {path} niet openen.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="257" />
      <source>SQLite reported: {error}.</source>
      <translation>SQLite meldde: {error}.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="258" />
      <source>Check that the folder is writable and the disk is not full. If the file is damaged, move it away: the next run recognises what is already on the target and copies nothing twice.</source>
      <translation>Controleer of er in de map geschreven kan worden en of de schijf niet vol is. Is het bestand beschadigd, verplaats het dan: de volgende keer herkent Mailstage wat al op het nieuwe systeem staat en kopieert niets dubbel.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="298" />
      <source>The state file {path} was written by a newer Mailstage.</source>
      <translation>Het statusbestand {path} is geschreven door een nieuwere Mailstage.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="299" />
      <source>Its schema version is {version}; this Mailstage knows up to {known}.</source>
      <translation>De schemaversie is {version}; deze Mailstage kent versies tot en met {known}.</translation>
    </message>
    <message>
      <location filename="../../engine/store.py" line="304" />
      <source>Use the newer Mailstage, or point MAILSTAGE_HOME at another folder.</source>
      <translation>Gebruik de nieuwere Mailstage, of laat MAILSTAGE_HOME naar een andere map wijzen.</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="243" />
      <source>The copy of {address} stopped on an unexpected problem.</source>
      <translation>Het kopiëren van {address} is gestopt door een onverwacht probleem.</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="244" />
      <source>{name} (details in the log).</source>
      <translation>{name} (details in het logboek).</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="245" />
      <source>Retry the mailbox; if it happens again, send the log to support.</source>
      <translation>Probeer het postvak opnieuw; gebeurt het weer, stuur dan het logboek naar support.</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="261" />
      <source>The folder {folder} of {address} could not be copied.</source>
      <translation>De map {folder} van {address} kon niet worden gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="267" />
      <source>The folder {folder} of {address} could not be copied (nor 1 other folder).</source>
      <translation>De map {folder} van {address} kon niet worden gekopieerd (en nog 1 andere map ook niet).</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="273" />
      <source>The folder {folder} of {address} could not be copied (nor {others} other folders).</source>
      <translation>De map {folder} van {address} kon niet worden gekopieerd (en nog {others} andere mappen ook niet).</translation>
    </message>
    <message>
      <location filename="../../engine/sync.py" line="285" />
      <source>{fix} The other folders were copied; a retry copies the rest.</source>
      <translation>{fix} De andere mappen zijn gekopieerd; een nieuwe poging kopieert de rest.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="49" />
      <source>subject {subject}; issued by {issuer}; valid {start} to {end}; SHA-256 {fingerprint}</source>
      <translation>onderwerp {subject}; uitgegeven door {issuer}; geldig van {start} tot {end}; SHA-256 {fingerprint}</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="68" />
      <source>The fingerprint is not a SHA-256 fingerprint.</source>
      <translation>De vingerafdruk is geen SHA-256-vingerafdruk.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="69" />
      <source>It has {count} characters after removing colons; a SHA-256 fingerprint has 64 hex digits.</source>
      <translation>Zonder dubbele punten telt hij {count} tekens; een SHA-256-vingerafdruk heeft 64 hexadecimale cijfers.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="73" />
      <source>Copy the SHA-256 fingerprint exactly as Mailstage or your browser shows it.</source>
      <translation>Kopieer de SHA-256-vingerafdruk precies zoals Mailstage of uw browser hem toont.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="119" />
      <source>The server {host} presented a different certificate than the one you trusted.</source>
      <translation>De server {host} toonde een ander certificaat dan het certificaat dat u vertrouwde.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="122" />
      <source>The certificate was replaced (renewed, or a new server), or something is intercepting the connection.</source>
      <translation>Het certificaat is vervangen (vernieuwd, of een nieuwe server), of iets onderschept de verbinding.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="126" />
      <source>If your mail administrator replaced the certificate, check its fingerprint with them and trust the new one (mailstage-cli endpoint trust). Otherwise do not continue.</source>
      <translation>Heeft uw mailbeheerder het certificaat vervangen, controleer dan samen de vingerafdruk en vertrouw het nieuwe (mailstage-cli endpoint trust). Ga anders niet verder.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="131" />
      <source>The certificate of {host} is not trusted.</source>
      <translation>Het certificaat van {host} wordt niet vertrouwd.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="132" />
      <source>{reason}. Old Exchange servers often use a self-signed certificate.</source>
      <translation>{reason}. Oude Exchange-servers gebruiken vaak een zelfondertekend certificaat.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="133" />
      <source>Install a certificate from a trusted authority on the server, or, if you recognise this one, trust exactly this certificate: mailstage-cli endpoint trust NAME --fingerprint {fingerprint}</source>
      <translation>Installeer op de server een certificaat van een vertrouwde certificeringsinstantie, of vertrouw, als u dit certificaat herkent, precies dit certificaat: mailstage-cli endpoint trust NAME --fingerprint {fingerprint}</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="139" />
      <source>{cause} Certificate: {certificate}.</source>
      <translation>{cause} Certificaat: {certificate}.</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="179" />
      <source>fingerprint mismatch</source>
      <translation>vingerafdruk komt niet overeen</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="187" />
      <source>The certificate has expired</source>
      <translation>Het certificaat is verlopen</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="189" />
      <source>The certificate is self-signed: no trusted authority vouches for it</source>
      <translation>Het certificaat is zelfondertekend: geen vertrouwde certificeringsinstantie staat ervoor in</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="191" />
      <source>The certificate was issued by an authority this computer does not trust</source>
      <translation>Het certificaat is uitgegeven door een certificeringsinstantie die deze computer niet vertrouwt</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="193" />
      <source>The certificate was issued for a different server name</source>
      <translation>Het certificaat is uitgegeven voor een andere servernaam</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="194" />
      <source>The certificate did not verify ({detail})</source>
      <translation>Het certificaat kon niet worden geverifieerd ({detail})</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="203" />
      <source>the server did not greet like an IMAP server</source>
      <translation>de server begroette niet zoals een IMAP-server</translation>
    </message>
    <message>
      <location filename="../../engine/tls.py" line="248" />
      <source>the server presented no certificate</source>
      <translation>de server toonde geen certificaat</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="33" />
      <source>The endpoint '{name}' is a folder on this computer; it has no certificate to trust.</source>
      <translation>Het eindpunt '{name}' is een map op deze computer; het heeft geen certificaat om te vertrouwen.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="41" />
      <source>The endpoint '{name}' is set to plain text (?tls=none): there is no certificate to trust.</source>
      <translation>Het eindpunt '{name}' staat op onversleuteld (?tls=none): er is geen certificaat om te vertrouwen.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="46" />
      <source>Change its URL to imaps://{host}:993 or imap://{host}:143 (STARTTLS) first.</source>
      <translation>Wijzig eerst de URL in imaps://{host}:993 of imap://{host}:143 (STARTTLS).</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="74" />
      <source>Mailstage could not fetch the certificate of {host} port {port}.</source>
      <translation>Mailstage kon het certificaat van {host} poort {port} niet ophalen.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="79" />
      <source>The connection failed: {problem}.</source>
      <translation>De verbinding is mislukt: {problem}.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="80" />
      <source>Run mailstage-cli check to see whether the name resolves and the port is open, then try again.</source>
      <translation>Voer mailstage-cli check uit om te zien of de naam gevonden wordt en de poort open is, en probeer het daarna opnieuw.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="103" />
      <source>The server {host} presents a different certificate than the fingerprint you gave; nothing was trusted.</source>
      <translation>De server {host} toont een ander certificaat dan de vingerafdruk die u opgaf; er is niets vertrouwd.</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="108" />
      <source>You gave {given}. The server presents {presented} ({certificate}).</source>
      <translation>U gaf {given} op. De server toont {presented} ({certificate}).</translation>
    </message>
    <message>
      <location filename="../../engine/trust.py" line="114" />
      <source>Compare the fingerprints with whoever manages the server. If the server's certificate is the right one, trust it with: mailstage-cli endpoint trust {name} --fingerprint {fingerprint}</source>
      <translation>Vergelijk de vingerafdrukken met de beheerder van de server. Is het certificaat van de server het juiste, vertrouw het dan met: mailstage-cli endpoint trust {name} --fingerprint {fingerprint}</translation>
    </message>
    <message>
      <location filename="../../engine/verify.py" line="202" />
      <source>This mailbox was never copied to the target: there is nothing to verify.</source>
      <translation>Dit postvak is nooit naar het nieuwe systeem gekopieerd: er valt niets te controleren.</translation>
    </message>
    <message>
      <location filename="../../engine/verify.py" line="207" />
      <source>The copy of this mailbox recorded no folder: run the batch again.</source>
      <translation>Bij het kopiëren van dit postvak is geen enkele map vastgelegd: voer de batch opnieuw uit.</translation>
    </message>
  </context>
</TS>