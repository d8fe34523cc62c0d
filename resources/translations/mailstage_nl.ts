<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
  <context>
    <name>BatchPage</name>
    <message>
      <location filename="../../gui/pages/batch.py" line="48" />
      <source>Start the migration batch</source>
      <translation>De migratiebatch starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="51" />
      <source>Mailstage copies the mailboxes of this batch, 20 at a time by default. Users keep working in their old mailbox meanwhile; you can stop and resume at any time.</source>
      <translation>Mailstage kopieert de postvakken van deze batch, standaard 20 tegelijk. Gebruikers werken intussen gewoon door in hun oude postvak; u kunt op elk moment stoppen en hervatten.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="56" />
      <source>&amp;Start migration</source>
      <translation>Migratie &amp;starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="63" />
      <source>Batch name</source>
      <translation>Batchnaam</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="72" />
      <source>Leave out &amp;Deleted Items</source>
      <translation>Verwij&amp;derde items weglaten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="74" />
      <source>Leave out &amp;Junk E-mail</source>
      <translation>Ongewenste &amp;e-mail weglaten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="82" />
      <source>Folders:</source>
      <translation>Mappen:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="86" />
      <source>Other folders to leave out</source>
      <translation>Andere mappen om weg te laten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="87" />
      <source>For example: Archive/2009; Public</source>
      <translation>Bijvoorbeeld: Archief/2009; Openbaar</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="89" />
      <source>&amp;Other folders to leave out:</source>
      <translation>Andere mappen &amp;weglaten:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="66" />
      <source>Batch na&amp;me:</source>
      <translation>Batchn&amp;aam:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="92" />
      <source>Which messages:</source>
      <translation>Welke berichten:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="95" />
      <source>Start &amp;now</source>
      <translation>&amp;Nu starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="97" />
      <source>Start now</source>
      <translation>Nu starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="98" />
      <source>Start &amp;at</source>
      <translation>Starten &amp;om</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="100" />
      <source>Start at a time</source>
      <translation>Op een tijdstip starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="106" />
      <source>Start time</source>
      <translation>Starttijd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="115" />
      <source>When:</source>
      <translation>Wanneer:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="117" />
      <source>What will happen</source>
      <translation>Wat er gaat gebeuren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="136" />
      <source>A&amp;ll messages</source>
      <translation>A&amp;lle berichten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="138" />
      <source>All messages</source>
      <translation>Alle berichten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="139" />
      <source>Only messages &amp;received</source>
      <translation>Alleen berichten ont&amp;vangen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="141" />
      <source>Only messages received in a range of days</source>
      <translation>Alleen berichten die binnen een periode zijn ontvangen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="145" />
      <source>&amp;from</source>
      <translation>vana&amp;f</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="147" />
      <source>Only messages received on or after a day</source>
      <translation>Alleen berichten ontvangen op of na een bepaalde dag</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="148" />
      <source>First day</source>
      <translation>Eerste dag</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="149" />
      <source>&amp;through</source>
      <translation>tot en &amp;met</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="151" />
      <source>Only messages received on or before a day</source>
      <translation>Alleen berichten ontvangen op of vóór een bepaalde dag</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="152" />
      <source>Last day</source>
      <translation>Laatste dag</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="173" />
      <source>Tip: copy the last year first, so users can start in their new mailbox sooner. When the batch is done, “{button}” on its report copies the rest; nothing is copied twice.</source>
      <translation>Tip: kopieer eerst het afgelopen jaar, dan kunnen gebruikers eerder in hun nieuwe postvak aan de slag. Als de batch klaar is, kopieert “{button}” in het rapport de rest; niets wordt twee keer gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="181" />
      <source>The range ends before it begins, so it would copy nothing: choose a last day on or after the first day, or untick one of them.</source>
      <translation>Het bereik eindigt voordat het begint en zou dus niets kopiëren: kies een laatste dag op of na de eerste dag, of vink er een uit.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="285" />
      <source>Copy &lt;b&gt;{count}&lt;/b&gt; mailboxes from &lt;b&gt;{source}&lt;/b&gt; to &lt;b&gt;{target}&lt;/b&gt;, {parallel} at a time.</source>
      <translation>&lt;b&gt;{count}&lt;/b&gt; postvakken kopiëren van &lt;b&gt;{source}&lt;/b&gt; naar &lt;b&gt;{target}&lt;/b&gt;, {parallel} tegelijk.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="298" />
      <source>About {messages} messages ({size}) in those dates (counted by month).</source>
      <translation>Ongeveer {messages} berichten ({size}) binnen die datums (per maand geteld).</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="301" />
      <source>About {messages} messages ({size}).</source>
      <translation>Ongeveer {messages} berichten ({size}).</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="305" />
      <source>Estimated duration: {duration}.</source>
      <translation>Geschatte duur: {duration}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="310" />
      <source>Left out: {folders}.</source>
      <translation>Weggelaten: {folders}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="317" />
      <source>Only messages received from {first} through {last}.</source>
      <translation>Alleen berichten ontvangen van {first} tot en met {last}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="324" />
      <source>Only messages received on or after {first}; older ones can follow in a later run.</source>
      <translation>Alleen berichten ontvangen op of na {first}; oudere kunnen volgen als u de batch later opnieuw uitvoert.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="329" />
      <source>Only messages received on or before {last}; newer ones are not copied.</source>
      <translation>Alleen berichten ontvangen op of vóór {last}; nieuwere worden niet gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="336" />
      <source>The batch starts at {time}; leave Mailstage open.</source>
      <translation>De batch start om {time}; laat Mailstage openstaan.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="341" />
      <source>The batch starts when you click Start migration.</source>
      <translation>De batch start wanneer u op Migratie starten klikt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="344" />
      <source>Nothing on the old server is changed. Running the batch again later copies only what is new.</source>
      <translation>Er verandert niets op de oude server. Als u de batch later opnieuw uitvoert, wordt alleen gekopieerd wat nieuw is.</translation>
    </message>
  </context>
  <context>
    <name>BeforeYouBeginPage</name>
    <message>
      <location filename="../../gui/pages/welcome.py" line="55" />
      <source>Before you begin</source>
      <translation>Voordat u begint</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="58" />
      <source>Move your users' mailboxes from the old mail server to the new system in batches, without losing a message.</source>
      <translation>Verplaats de postvakken van uw gebruikers in batches van de oude mailserver naar het nieuwe systeem, zonder één bericht te verliezen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="85" />
      <source>What is a staged migration?</source>
      <translation>Wat is een gefaseerde migratie?</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="87" />
      <source>A staged migration moves mailboxes in batches over days or weeks. Mailstage copies each user's mail, folders, flags and dates to the new system, and copies again what arrived since, until you switch that batch over. Users keep working in their old mailbox until then.</source>
      <translation>Een gefaseerde migratie verplaatst postvakken in batches, verspreid over dagen of weken. Mailstage kopieert de e-mail, mappen, markeringen en datums van elke gebruiker naar het nieuwe systeem, en kopieert opnieuw wat er sindsdien is binnengekomen, totdat u die batch overzet. Tot dan blijven gebruikers in hun oude postvak werken.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="94" />
      <source>When to choose it</source>
      <translation>Wanneer kiest u hiervoor</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="96" />
      <source>Your old server is Microsoft Exchange Server 2003 or 2007, or another server that offers IMAP, and you cannot move everyone at once, for example because you have more than 2,000 mailboxes.</source>
      <translation>Uw oude server is Microsoft Exchange Server 2003 of 2007, of een andere server met IMAP, en u kunt niet iedereen tegelijk verplaatsen, bijvoorbeeld omdat u meer dan 2.000 postvakken hebt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="103" />
      <source>When to choose something else</source>
      <translation>Wanneer kiest u iets anders</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="105" />
      <source>From Exchange 2010 or newer, use a cutover migration (everyone at once) or a hybrid deployment (both systems side by side for a long time) instead.</source>
      <translation>Vanaf Exchange 2010 of nieuwer gebruikt u in plaats hiervan een cutover-migratie (iedereen tegelijk) of een hybride implementatie (beide systemen lange tijd naast elkaar).</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="111" />
      <source>Have this ready</source>
      <translation>Zorg dat u dit klaar hebt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="113" />
      <source>• The list of mailboxes to move, as an Excel or CSV file.
• The old server's name and an administrator account that can open every mailbox.
• The new system's details; for Microsoft 365, your tenant and an app registration.
• The users already created on the new system (directory synchronisation) and your domain verified there.</source>
      <translation>• De lijst met te verplaatsen postvakken, als Excel- of CSV-bestand.
• De naam van de oude server en een beheerdersaccount dat elk postvak kan openen.
• De gegevens van het nieuwe systeem; voor Microsoft 365 uw tenant en een app-registratie.
• De gebruikers al aangemaakt op het nieuwe systeem (adreslijstsynchronisatie) en uw domein daar geverifieerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="122" />
      <source>Good to know</source>
      <translation>Goed om te weten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="124" />
      <source>Out-of-office messages are not carried over: users set them again after their move. After the switch, users create a new Outlook profile.</source>
      <translation>Afwezigheidsberichten worden niet meegenomen: gebruikers stellen ze na hun verhuizing opnieuw in. Na de overstap maken gebruikers een nieuw Outlook-profiel.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="139" />
      <source>Start</source>
      <translation>Beginnen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="174" />
      <source>B&amp;rowse...</source>
      <translation>B&amp;laderen...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="141" />
      <source>Start with the list of mailboxes for the first batch.</source>
      <translation>Begin met de lijst met postvakken voor de eerste batch.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="141" />
      <source>New &amp;migration</source>
      <translation>Nieuwe &amp;migratie</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="144" />
      <source>New migration</source>
      <translation>Nieuwe migratie</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="147" />
      <source>&amp;Open a saved migration</source>
      <translation>Opgeslagen migratie &amp;openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="148" />
      <source>Go on with a batch, or start the next batch with the same servers.</source>
      <translation>Ga verder met een batch, of start de volgende batch met dezelfde servers.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="151" />
      <location filename="../../gui/pages/welcome.py" line="275" />
      <source>Open a saved migration</source>
      <translation>Opgeslagen migratie openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="154" />
      <source>Try the &amp;demo</source>
      <translation>&amp;Demo proberen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="155" />
      <source>Run a whole migration on sample mailboxes, without any server.</source>
      <translation>Voer een hele migratie uit op voorbeeldpostvakken, zonder server.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="158" />
      <source>Try the demo</source>
      <translation>Demo proberen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="162" />
      <location filename="../../gui/pages/welcome.py" line="166" />
      <source>Recent migrations</source>
      <translation>Recente migraties</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="176" />
      <source>Browse for a saved migration</source>
      <translation>Bladeren naar een opgeslagen migratie</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="184" />
      <source>&amp;Language:</source>
      <translation>&amp;Taal:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="187" />
      <source>Language</source>
      <translation>Taal</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="188" />
      <source>System language</source>
      <translation>Taal van het systeem</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="209" />
      <source>Mailstage uses this language from its next start.</source>
      <translation>Mailstage gebruikt deze taal vanaf de volgende keer dat het start.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="228" />
      <source>not started</source>
      <translation>niet gestart</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="229" />
      <source>running</source>
      <translation>bezig</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="230" />
      <source>stopped</source>
      <translation>gestopt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="231" />
      <source>finished</source>
      <translation>klaar</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="233" />
      <source>{title}
{batch}: {phase}, {date}</source>
      <translation>{title}
{batch}: {phase}, {date}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="277" />
      <source>Mailstage migrations (*{suffix})</source>
      <translation>Mailstage-migraties (*{suffix})</translation>
    </message>
  </context>
  <context>
    <name>CertificateDialog</name>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="23" />
      <source>Untrusted certificate</source>
      <translation>Niet-vertrouwd certificaat</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="28" />
      <source>The certificate of {host} is not trusted by this computer.</source>
      <translation>Deze computer vertrouwt het certificaat van {host} niet.</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="42" />
      <source>Issued to:</source>
      <translation>Uitgegeven aan:</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="43" />
      <source>Server names:</source>
      <translation>Servernamen:</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="44" />
      <source>Issued by:</source>
      <translation>Uitgegeven door:</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="47" />
      <source>Valid:</source>
      <translation>Geldig:</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="48" />
      <source>from {start} to {end}</source>
      <translation>van {start} tot {end}</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="54" />
      <source>SHA-256 fingerprint:</source>
      <translation>SHA-256-vingerafdruk:</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="68" />
      <source>This certificate has expired.</source>
      <translation>Dit certificaat is verlopen.</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="73" />
      <source>Trust it only if you recognise it: compare the fingerprint with the one the server's administrator sees on the server. Mailstage then accepts exactly this certificate for this server, and stops again if the server ever presents another one.</source>
      <translation>Vertrouw het alleen als u het herkent: vergelijk de vingerafdruk met die de beheerder van de server op de server ziet. Mailstage accepteert dan precies dit certificaat voor deze server, en stopt opnieuw als de server ooit een ander certificaat toont.</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="84" />
      <source>&amp;Trust this certificate</source>
      <translation>Dit certificaat &amp;vertrouwen</translation>
    </message>
    <message>
      <location filename="../../gui/certificate_dialog.py" line="88" />
      <source>&amp;Do not trust</source>
      <translation>&amp;Niet vertrouwen</translation>
    </message>
  </context>
  <context>
    <name>CheckTitle</name>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="740" />
      <source>The server's name is found (DNS)</source>
      <translation>De naam van de server wordt gevonden (DNS)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="741" />
      <source>The server accepts connections</source>
      <translation>De server accepteert verbindingen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="742" />
      <source>The server's certificate is trusted</source>
      <translation>Het certificaat van de server wordt vertrouwd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="743" />
      <source>The administrator can log in</source>
      <translation>De beheerder kan zich aanmelden</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="744" />
      <source>What the server offers</source>
      <translation>Wat de server biedt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="745" />
      <source>Enough connections at the same time</source>
      <translation>Genoeg verbindingen tegelijk</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="746" />
      <source>The mailbox can be opened on the old server</source>
      <translation>Het postvak kan op de oude server worden geopend</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="749" />
      <source>The mailbox exists on the new system</source>
      <translation>Het postvak bestaat op het nieuwe systeem</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="750" />
      <source>Size of the mailbox</source>
      <translation>Grootte van het postvak</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="751" />
      <source>Mail for the domain (MX)</source>
      <translation>E-mail voor het domein (MX)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="752" />
      <source>Autodiscover for Outlook</source>
      <translation>Automatisch opsporen voor Outlook</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="753" />
      <source>Domain verification (TXT)</source>
      <translation>Domeinverificatie (TXT)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="754" />
      <source>Estimated duration</source>
      <translation>Geschatte duur</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="758" />
      <source>Old server: {check}</source>
      <translation>Oude server: {check}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="760" />
      <source>New system: {check}</source>
      <translation>Nieuw systeem: {check}</translation>
    </message>
  </context>
  <context>
    <name>ChecksPage</name>
    <message>
      <location filename="../../gui/pages/checks.py" line="57" />
      <source>Check that everything is ready</source>
      <translation>Controleren of alles klaar is</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="60" />
      <source>Mailstage checks both servers, every mailbox in the list and your domain, so that problems show up now and not halfway through a batch.</source>
      <translation>Mailstage controleert beide servers, elk postvak in de lijst en uw domein, zodat problemen nu aan het licht komen en niet halverwege een batch.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="72" />
      <source>Mail &amp;domain (optional):</source>
      <translation>E-mail&amp;domein (optioneel):</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="75" />
      <source>Mail domain</source>
      <translation>E-maildomein</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="76" />
      <source>contoso.nl</source>
      <translation>contoso.nl</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="77" />
      <source>Also check the domain's MX and Autodiscover records.</source>
      <translation>Ook de MX- en Automatisch opsporen-records van het domein controleren.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="80" />
      <source>&amp;Run the checks</source>
      <translation>Controles &amp;uitvoeren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="82" />
      <source>Run the checks</source>
      <translation>Controles uitvoeren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="84" />
      <source>Run the selected check &amp;again</source>
      <translation>Geselecteerde controle &amp;opnieuw uitvoeren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="86" />
      <source>Run the selected check again</source>
      <translation>Geselecteerde controle opnieuw uitvoeren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="97" />
      <source>Checks done</source>
      <translation>Uitgevoerde controles</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="103" />
      <source>Check results</source>
      <translation>Resultaten van de controles</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="105" />
      <source>Result</source>
      <translation>Resultaat</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="105" />
      <source>Check</source>
      <translation>Controle</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="105" />
      <source>For</source>
      <translation>Voor</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="117" />
      <source>I have read the &amp;warnings and want to go on anyway</source>
      <translation>Ik heb de &amp;waarschuwingen gelezen en wil toch doorgaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="119" />
      <source>I have read the warnings and want to go on anyway</source>
      <translation>Ik heb de waarschuwingen gelezen en wil toch doorgaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="205" />
      <source>Running...</source>
      <translation>Bezig...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="220" />
      <source>Checking...</source>
      <translation>Bezig met controleren...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="273" />
      <source>Passed</source>
      <translation>Geslaagd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="274" />
      <source>Warning</source>
      <translation>Waarschuwing</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="275" />
      <source>Failed</source>
      <translation>Mislukt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="276" />
      <source>Skipped</source>
      <translation>Overgeslagen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="290" />
      <source>What to do: {fix}</source>
      <translation>Wat te doen: {fix}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="302" />
      <source>The checks have not run yet.</source>
      <translation>De controles zijn nog niet uitgevoerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="305" />
      <source>You changed the settings or the list since these results: run the checks again.</source>
      <translation>U hebt de instellingen of de lijst gewijzigd sinds deze resultaten: voer de controles opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/checks.py" line="310" />
      <source>{passed} passed, {warned} with a warning, {failed} failed, {skipped} skipped.</source>
      <translation>{passed} geslaagd, {warned} met een waarschuwing, {failed} mislukt, {skipped} overgeslagen.</translation>
    </message>
  </context>
  <context>
    <name>CutoverPage</name>
    <message>
      <location filename="../../gui/pages/cutover.py" line="56" />
      <source>Switch the migrated users over</source>
      <translation>De gemigreerde gebruikers overzetten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="59" />
      <source>These steps finish the move of this batch. Tick each step when it is done; Mailstage remembers where you are, so you can close it and come back.</source>
      <translation>Met deze stappen rondt u de verhuizing van deze batch af. Vink elke stap aan als die klaar is; Mailstage onthoudt waar u bent, zodat u kunt afsluiten en later terugkomen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="71" />
      <source>Steps after the migration</source>
      <translation>Stappen na de migratie</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="100" />
      <source>Mail &amp;domain:</source>
      <translation>E-mail&amp;domein:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="103" />
      <source>Mail domain</source>
      <translation>E-maildomein</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="104" />
      <source>contoso.nl</source>
      <translation>contoso.nl</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="107" />
      <source>Check &amp;MX and Autodiscover now</source>
      <translation>&amp;MX en Automatisch opsporen nu controleren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="109" />
      <source>Check MX and Autodiscover now</source>
      <translation>MX en Automatisch opsporen nu controleren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="117" />
      <source>&amp;Routing domain of the new system:</source>
      <translation>&amp;Routeringsdomein van het nieuwe systeem:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="120" />
      <source>Routing domain of the new system</source>
      <translation>Routeringsdomein van het nieuwe systeem</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="121" />
      <source>for example contoso.mail.onmicrosoft.com</source>
      <translation>bijvoorbeeld contoso.mail.onmicrosoft.com</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="124" />
      <source>Forwarding and the mail users point at each user's address in this domain. Leave it empty when the new addresses differ from the old ones already.</source>
      <translation>Het doorsturen en de e-mailgebruikers wijzen naar het adres van elke gebruiker in dit domein. Laat het leeg als de nieuwe adressen al anders zijn dan de oude.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="129" />
      <source>Save the cut-over &amp;scripts...</source>
      <translation>Overstapscripts &amp;opslaan...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="131" />
      <source>Save the cut-over scripts</source>
      <translation>Overstapscripts opslaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="143" />
      <source>Remember: out-of-office messages were not migrated. Ask the users of this batch to set theirs again in the new system.</source>
      <translation>Let op: afwezigheidsberichten zijn niet gemigreerd. Vraag de gebruikers van deze batch hun afwezigheidsbericht opnieuw in te stellen in het nieuwe systeem.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="148" />
      <source>Start the &amp;next batch</source>
      <translation>Volgende &amp;batch starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="150" />
      <source>Start the next batch</source>
      <translation>Volgende batch starten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="163" />
      <source>Check that every mailbox was migrated</source>
      <translation>Controleren of elk postvak is gemigreerd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="165" />
      <source>The report shows each mailbox with its grade. Switch a user over only when the grade is Perfect or Good; look at the others first.</source>
      <translation>Het rapport toont elk postvak met zijn beoordeling. Zet een gebruiker pas over als de beoordeling Perfect of Goed is; bekijk de andere eerst.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="171" />
      <source>Forward new mail to the new mailboxes</source>
      <translation>Nieuwe e-mail doorsturen naar de nieuwe postvakken</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="173" />
      <source>Set the TargetAddress of each old mailbox to the new address, so mail that still arrives at the old server reaches the user.</source>
      <translation>Stel de TargetAddress van elk oud postvak in op het nieuwe adres, zodat e-mail die nog op de oude server binnenkomt de gebruiker bereikt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="179" />
      <source>Sync the batch one last time</source>
      <translation>De batch een laatste keer synchroniseren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="181" />
      <source>Once forwarding is set, new mail no longer reaches the old mailboxes. Go back to the report and click Sync again: the last sync brings over what arrived in between.</source>
      <translation>Zodra het doorsturen is ingesteld, komt nieuwe e-mail niet meer in de oude postvakken aan. Ga terug naar het rapport en klik op Opnieuw synchroniseren: de laatste synchronisatie neemt mee wat er intussen is binnengekomen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="187" />
      <source>Convert the old mailboxes to mail users</source>
      <translation>De oude postvakken converteren naar gebruikers met e-mail</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="189" />
      <source>Turn each migrated Exchange mailbox into a mail-enabled user that points to the new mailbox, keeping its addresses. Outlook then finds the new mailbox through Autodiscover.</source>
      <translation>Zet elk gemigreerd Exchange-postvak om in een gebruiker met e-mail die naar het nieuwe postvak verwijst, met behoud van de adressen. Outlook vindt het nieuwe postvak dan via Automatisch opsporen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="195" />
      <source>Users create a new Outlook profile</source>
      <translation>Gebruikers maken een nieuw Outlook-profiel</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="197" />
      <source>After the switch each user creates a new Outlook profile; Outlook then connects to the new system by itself. Phones and tablets need their account set up again too.</source>
      <translation>Na de overstap maakt elke gebruiker een nieuw Outlook-profiel; Outlook maakt dan zelf verbinding met het nieuwe systeem. Ook op telefoons en tablets moet het account opnieuw worden ingesteld.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="203" />
      <source>Users set their out-of-office message again</source>
      <translation>Gebruikers stellen hun afwezigheidsbericht opnieuw in</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="205" />
      <source>Out-of-office messages are not migrated. A user who had one switched on keeps it on, but with an empty text, until they write it again.</source>
      <translation>Afwezigheidsberichten worden niet gemigreerd. Bij een gebruiker die het had ingeschakeld, blijft het ingeschakeld, maar met een lege tekst, totdat hij het opnieuw schrijft.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="211" />
      <source>Assign licences</source>
      <translation>Licenties toewijzen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="213" />
      <source>On Microsoft 365, assign a licence to each migrated user within 30 days, or the mailbox stops working.</source>
      <translation>Wijs in Microsoft 365 binnen 30 dagen een licentie toe aan elke gemigreerde gebruiker, anders werkt het postvak niet meer.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="219" />
      <source>Point the MX record to the new system</source>
      <translation>Het MX-record naar het nieuwe systeem laten verwijzen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="221" />
      <source>When the last batch is done, change the domain's MX record so that mail is delivered to the new system directly. Lower its TTL to an hour a day ahead; the change can take up to 72 hours to reach everyone.</source>
      <translation>Wijzig na de laatste batch het MX-record van het domein, zodat e-mail rechtstreeks op het nieuwe systeem wordt bezorgd. Verlaag de TTL een dag van tevoren naar een uur; het kan tot 72 uur duren voordat de wijziging iedereen bereikt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="229" />
      <source>Point Autodiscover to the new system</source>
      <translation>Automatisch opsporen naar het nieuwe systeem laten verwijzen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="231" />
      <source>Create or change the Autodiscover record so that Outlook finds the new mailboxes. Do this after the last batch, or users not yet migrated are sent to the new system.</source>
      <translation>Maak of wijzig het record voor Automatisch opsporen, zodat Outlook de nieuwe postvakken vindt. Doe dit na de laatste batch, anders worden gebruikers die nog niet zijn gemigreerd naar het nieuwe systeem gestuurd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="238" />
      <source>Remove the batch and go on</source>
      <translation>De batch verwijderen en verdergaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="240" />
      <source>When every mailbox of the batch is switched over, the batch is done. Start the next batch with the same servers, or, after the last one, take the old servers out of service.</source>
      <translation>Als elk postvak van de batch is overgezet, is de batch klaar. Start de volgende batch met dezelfde servers of stel na de laatste batch de oude servers buiten gebruik.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="291" />
      <source>Checked just now: looks right.</source>
      <translation>Zojuist gecontroleerd: ziet er goed uit.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="292" />
      <source>Checked just now: needs attention.</source>
      <translation>Zojuist gecontroleerd: vraagt aandacht.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="293" />
      <source>Checked just now: not right.</source>
      <translation>Zojuist gecontroleerd: niet in orde.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="294" />
      <source>Could not be checked.</source>
      <translation>Kon niet worden gecontroleerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="301" />
      <source>What to do:</source>
      <translation>Wat te doen:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="346" />
      <source>Choose the folder for the cut-over scripts</source>
      <translation>Kies de map voor de overstapscripts</translation>
    </message>
    <message>
      <location filename="../../gui/pages/cutover.py" line="377" />
      <source>Saved in %1 for the batch's mailboxes (%2): 1-Set-Forwarding.ps1, 2-Convert-ToMailUser.ps1 and mailboxes.csv. Read them, then run them in the Exchange Management Shell: first without -Apply to see what they would change.</source>
      <translation>Opgeslagen in %1 voor de postvakken van de batch (%2): 1-Set-Forwarding.ps1, 2-Convert-ToMailUser.ps1 en mailboxes.csv. Lees ze door en voer ze dan uit in de Exchange Management Shell: eerst zonder -Apply om te zien wat ze zouden wijzigen.</translation>
    </message>
  </context>
  <context>
    <name>EndpointPage</name>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="65" />
      <source>Connect to the old mail server</source>
      <translation>Verbinding maken met de oude mailserver</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="68" />
      <source>Mailstage reads every mailbox from here and never changes anything on it. It needs an administrator account that can open every user's mailbox.</source>
      <translation>Mailstage leest hier elk postvak uit en verandert er nooit iets aan. Er is een beheerdersaccount nodig dat het postvak van elke gebruiker kan openen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="73" />
      <source>Connect to the new mail system</source>
      <translation>Verbinding maken met het nieuwe e-mailsysteem</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="76" />
      <source>Mailstage writes the copied mail here. The users must already exist on the new system (directory synchronisation).</source>
      <translation>Mailstage schrijft de gekopieerde e-mail hierheen. De gebruikers moeten al op het nieuwe systeem bestaan (adreslijstsynchronisatie).</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="86" />
      <source>Kind of server</source>
      <translation>Soort server</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="89" />
      <source>IMAP server (Exchange 2003/2007 or any other)</source>
      <translation>IMAP-server (Exchange 2003/2007 of een andere)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="91" />
      <location filename="../../gui/pages/endpoint.py" line="95" />
      <source>Local folder (Maildir archive)</source>
      <translation>Lokale map (Maildir-archief)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="93" />
      <source>Microsoft 365 (Exchange Online)</source>
      <translation>Microsoft 365 (Exchange Online)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="94" />
      <source>IMAP server</source>
      <translation>IMAP-server</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="96" />
      <source>&amp;Kind of server:</source>
      <translation>S&amp;oort server:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="105" />
      <location filename="../../gui/pages/endpoint.py" line="558" />
      <source>Pass&amp;word:</source>
      <translation>Wachtwoor&amp;d:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="111" />
      <source>&amp;Forget</source>
      <translation>Ve&amp;rgeten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="113" />
      <source>Forget the trusted certificate</source>
      <translation>Het vertrouwde certificaat vergeten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="120" />
      <source>Certificate:</source>
      <translation>Certificaat:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="124" />
      <source>Maximum concurrent migrations</source>
      <translation>Maximaal aantal gelijktijdige migraties</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="126" />
      <source>How many mailboxes are copied at the same time. Microsoft's default is 20.</source>
      <translation>Hoeveel postvakken tegelijk worden gekopieerd. De standaardwaarde van Microsoft is 20.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="128" />
      <source>Maximum concurrent &amp;migrations:</source>
      <translation>Maximaal aantal &amp;gelijktijdige migraties:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="131" />
      <source>&amp;Test connection</source>
      <translation>Verbinding test&amp;en</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="133" />
      <source>Test connection</source>
      <translation>Verbinding testen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="143" />
      <source>Connection test results</source>
      <translation>Resultaten van de verbindingstest</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="145" />
      <source>Result</source>
      <translation>Resultaat</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="145" />
      <source>Check</source>
      <translation>Controle</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="186" />
      <source>mail.contoso.local</source>
      <translation>mail.contoso.local</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="186" />
      <source>imap.example.com</source>
      <translation>imap.example.com</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="189" />
      <source>&amp;Server:</source>
      <translation>&amp;Server:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="194" />
      <source>Security</source>
      <translation>Beveiliging</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="195" />
      <source>SSL/TLS (port 993)</source>
      <translation>SSL/TLS (poort 993)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="196" />
      <source>STARTTLS (port 143)</source>
      <translation>STARTTLS (poort 143)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="197" />
      <source>None: unencrypted (not recommended)</source>
      <translation>Geen: onversleuteld (niet aanbevolen)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="201" />
      <source>Port</source>
      <translation>Poort</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="202" />
      <source>&amp;Port:</source>
      <translation>&amp;Poort:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="210" />
      <source>S&amp;ecurity:</source>
      <translation>&amp;Beveiliging:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="215" />
      <source>Leave empty when the list holds each user's password</source>
      <translation>Leeg laten als de lijst het wachtwoord van elke gebruiker bevat</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="217" />
      <source>&amp;Administrator account:</source>
      <translation>Beheerders&amp;account:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="220" />
      <source>How the administrator opens a mailbox</source>
      <translation>Hoe de beheerder een postvak opent</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="222" />
      <source>Standard (SASL PLAIN on behalf of the user)</source>
      <translation>Standaard (SASL PLAIN namens de gebruiker)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="224" />
      <source>Exchange (DOMAIN/admin/user)</source>
      <translation>Exchange (DOMEIN/beheerder/gebruiker)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="225" />
      <source>Dovecot master user (user*admin)</source>
      <translation>Dovecot-hoofdgebruiker (gebruiker*beheerder)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="227" />
      <source>Admin &amp;login style:</source>
      <translation>Aanmeld&amp;wijze beheerder:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="234" />
      <source>Folder</source>
      <translation>Map</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="235" />
      <source>B&amp;rowse...</source>
      <translation>B&amp;laderen...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="254" />
      <source>T&amp;enant:</source>
      <translation>Te&amp;nant:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="258" />
      <source>Worldwide (most tenants)</source>
      <translation>Wereldwijd (de meeste tenants)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="259" />
      <source>US Government (GCC High)</source>
      <translation>Amerikaanse overheid (GCC High)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="260" />
      <source>China (operated by 21Vianet)</source>
      <translation>China (beheerd door 21Vianet)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="266" />
      <source>Where the tenant lives: its sign-in service and Exchange Online server differ per cloud.</source>
      <translation>Waar de tenant zich bevindt: de aanmeldservice en de Exchange Online-server verschillen per cloud.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="270" />
      <source>Microsoft cl&amp;oud:</source>
      <translation>Microsoft-cl&amp;oud:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="284" />
      <source>Si&amp;gn in...</source>
      <translation>&amp;Aanmelden...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="237" />
      <source>Browse for the folder</source>
      <translation>Bladeren naar de map</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="244" />
      <source>&amp;Folder:</source>
      <translation>&amp;Map:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="252" />
      <source>contoso.onmicrosoft.com</source>
      <translation>contoso.onmicrosoft.com</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="274" />
      <source>Application (&amp;client) ID:</source>
      <translation>Toepassings-ID (&amp;client):</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="277" />
      <source>Sign-in</source>
      <translation>Aanmelding</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="278" />
      <source>App with a client secret (app-only)</source>
      <translation>App met een clientgeheim (alleen app)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="279" />
      <source>Sign in as an administrator (device code)</source>
      <translation>Aanmelden als beheerder (apparaatcode)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="281" />
      <source>S&amp;ign-in:</source>
      <translation>A&amp;anmelding:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="286" />
      <source>Sign in to Microsoft 365 with a code</source>
      <translation>Aanmelden bij Microsoft 365 met een code</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="290" />
      <source>Sign-in state</source>
      <translation>Aanmeldstatus</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="297" />
      <source>Administrator:</source>
      <translation>Beheerder:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="301" />
      <source>Save the preparation scri&amp;pt...</source>
      <translation>Voorbereidings&amp;script opslaan...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="304" />
      <source>Save the PowerShell script that prepares Microsoft 365</source>
      <translation>Het PowerShell-script opslaan dat Microsoft 365 voorbereidt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="308" />
      <source>A PowerShell script to review and run as a Microsoft 365 administrator: the app's permission and consent, and access to every mailbox of the list. It contains no secret.</source>
      <translation>Een PowerShell-script om na te lezen en uit te voeren als Microsoft 365-beheerder: de machtiging en toestemming voor de app, en toegang tot elk postvak van de lijst. Het bevat geen geheim.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="321" />
      <source>Preparation:</source>
      <translation>Voorbereiding:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="395" />
      <source>Choose the folder</source>
      <translation>Kies de map</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="404" />
      <source>Save the preparation script</source>
      <translation>Het voorbereidingsscript opslaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="406" />
      <source>PowerShell (*.ps1)</source>
      <translation>PowerShell (*.ps1)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="427" />
      <source>Saved as {path}. Review it, then run it in PowerShell as an administrator.</source>
      <translation>Opgeslagen als {path}. Lees het na en voer het dan als beheerder uit in PowerShell.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="460" />
      <source>Waiting for the sign-in...</source>
      <translation>Wachten op de aanmelding...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="478" />
      <location filename="../../gui/pages/endpoint.py" line="509" />
      <source>Signed in as {account}.</source>
      <translation>Aangemeld als {account}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="499" />
      <source>The sign-in is no longer on this computer: sign in again.</source>
      <translation>De aanmelding staat niet meer op deze computer: meld u opnieuw aan.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="518" />
      <source>Not signed in.</source>
      <translation>Niet aangemeld.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="525" />
      <source>Sign-in cancelled.</source>
      <translation>Aanmelding geannuleerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="538" />
      <source>You trusted exactly this certificate: SHA-256 {start}...{end}</source>
      <translation>U vertrouwt precies dit certificaat: SHA-256 {start}...{end}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="555" />
      <source>Client &amp;secret:</source>
      <translation>Clientgehe&amp;im:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="556" />
      <source>Client secret</source>
      <translation>Clientgeheim</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="559" />
      <source>Administrator's password</source>
      <translation>Wachtwoord van de beheerder</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="561" />
      <source>Stored in the keyring; type to replace it</source>
      <translation>Opgeslagen in de sleutelbos; typ om het te vervangen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="569" />
      <source>Testing the connection...</source>
      <translation>Bezig met testen van de verbinding...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="571" />
      <source>The connection works with these settings.</source>
      <translation>De verbinding werkt met deze instellingen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="648" />
      <source>Tested: {passed} checks passed, {warned} with a warning.</source>
      <translation>Getest: {passed} controles geslaagd, {warned} met een waarschuwing.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="656" />
      <source>The connection does not work yet: see what failed below.</source>
      <translation>De verbinding werkt nog niet: zie hieronder wat er misging.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="673" />
      <source>The certificate is not trusted, so Mailstage does not connect to this server.</source>
      <translation>Het certificaat wordt niet vertrouwd, dus Mailstage maakt geen verbinding met deze server.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="689" />
      <source>Passed</source>
      <translation>Geslaagd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="690" />
      <source>Warning</source>
      <translation>Waarschuwing</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="691" />
      <source>Failed</source>
      <translation>Mislukt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="692" />
      <source>Skipped</source>
      <translation>Overgeslagen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/endpoint.py" line="703" />
      <source>What to do: {fix}</source>
      <translation>Wat te doen: {fix}</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <location filename="../../gui/errors.py" line="158" />
      <source>Mailstage</source>
      <translation>Mailstage</translation>
    </message>
  </context>
  <context>
    <name>ErrorView</name>
    <message>
      <location filename="../../gui/errors.py" line="60" />
      <source>Something unexpected went wrong. Nothing was lost.</source>
      <translation>Er ging iets onverwachts mis. Er is niets verloren gegaan.</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="61" />
      <source>Mailstage ran into a situation it does not know how to handle.</source>
      <translation>Mailstage kwam in een situatie terecht die het niet kan afhandelen.</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="64" />
      <source>Try again. If it happens again, send the log file from the log folder to support.</source>
      <translation>Probeer het opnieuw. Gebeurt het weer, stuur dan het logbestand uit de logmap naar de ondersteuning.</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="98" />
      <source>Show &amp;details</source>
      <translation>&amp;Details tonen</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="100" />
      <source>Show details</source>
      <translation>Details tonen</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="103" />
      <source>Open &amp;log folder</source>
      <translation>&amp;Logmap openen</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="105" />
      <source>Open log folder</source>
      <translation>Logmap openen</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="126" />
      <source>Likely cause:</source>
      <translation>Waarschijnlijke oorzaak:</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="127" />
      <source>What to do:</source>
      <translation>Wat te doen:</translation>
    </message>
    <message>
      <location filename="../../gui/errors.py" line="135" />
      <source>Error code: {code}. Log folder: {folder}</source>
      <translation>Foutcode: {code}. Logmap: {folder}</translation>
    </message>
  </context>
  <context>
    <name>Format</name>
    <message>
      <location filename="../../gui/labels.py" line="109" />
      <source>{size}/s</source>
      <translation>{size}/s</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="118" />
      <source>{h} h {m:02d} min</source>
      <translation>{h} u {m:02d} min</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="120" />
      <source>{m} min {s:02d} s</source>
      <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="121" />
      <source>{s} s</source>
      <translation>{s} s</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="127" />
      <source>less than a minute</source>
      <translation>minder dan een minuut</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="130" />
      <location filename="../../gui/labels.py" line="132" />
      <source>about {m} min</source>
      <translation>ongeveer {m} min</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="135" />
      <source>about {h} h</source>
      <translation>ongeveer {h} u</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="136" />
      <source>about {h} h {m:02d} min</source>
      <translation>ongeveer {h} u {m:02d} min</translation>
    </message>
  </context>
  <context>
    <name>LanguageCode</name>
    <message>
      <location filename="../../gui/problem_text.py" line="18" />
      <source>en</source>
      <translation>nl</translation>
    </message>
  </context>
  <context>
    <name>MailboxListModel</name>
    <message>
      <location filename="../../gui/models.py" line="182" />
      <source>Row</source>
      <translation>Rij</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="184" />
      <source>Problem</source>
      <translation>Probleem</translation>
    </message>
  </context>
  <context>
    <name>MailboxListPage</name>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="51" />
      <source>Choose the mailboxes to move</source>
      <translation>Kies de postvakken die u wilt verhuizen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="54" />
      <source>Open the list you made in Excel or as a CSV file, one row per mailbox. Mailstage shows what is wrong in a row and how to fix it; a row with an error is not migrated.</source>
      <translation>Open de lijst die u in Excel of als CSV-bestand hebt gemaakt, één rij per postvak. Mailstage laat zien wat er mis is in een rij en hoe u het oplost; een rij met een fout wordt niet gemigreerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="65" />
      <source>&amp;Open list...</source>
      <translation>Lijst &amp;openen...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="67" />
      <location filename="../../gui/pages/mailbox_list.py" line="314" />
      <source>Open the mailbox list</source>
      <translation>De lijst met postvakken openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="69" />
      <source>Save a &amp;template...</source>
      <translation>Sjabloon op&amp;slaan...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="71" />
      <source>Save an empty list in Microsoft's format</source>
      <translation>Een lege lijst in de indeling van Microsoft opslaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="73" />
      <source>&amp;Remove selected rows</source>
      <translation>Geselecteerde rijen ver&amp;wijderen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="75" />
      <source>Remove the selected rows from this batch</source>
      <translation>De geselecteerde rijen uit deze batch verwijderen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="77" />
      <source>Save rows with &amp;errors...</source>
      <translation>Rijen met &amp;fouten opslaan...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="79" />
      <source>Save the rows with errors for fixing</source>
      <translation>De rijen met fouten opslaan om ze te herstellen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="87" />
      <location filename="../../gui/pages/mailbox_list.py" line="155" />
      <source>No list opened yet. You can also drop a CSV or Excel file on this page.</source>
      <translation>Nog geen lijst geopend. U kunt ook een CSV- of Excel-bestand op deze pagina neerzetten.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="101" />
      <source>Mailboxes in the list</source>
      <translation>Postvakken in de lijst</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="113" />
      <source>Show only rows with &amp;problems</source>
      <translation>Alleen rijen met &amp;problemen tonen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="115" />
      <source>Show only rows with problems</source>
      <translation>Alleen rijen met problemen tonen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="119" />
      <source>Mailboxes per b&amp;atch:</source>
      <translation>Postvakken per b&amp;atch:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="122" />
      <source>Mailboxes per batch</source>
      <translation>Postvakken per batch</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="124" />
      <source>Microsoft allows at most 2,000 mailboxes in one batch.</source>
      <translation>Microsoft staat maximaal 2.000 postvakken in één batch toe.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="127" />
      <source>&amp;Migrate now:</source>
      <translation>Nu &amp;migreren:</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="130" />
      <source>Part of the list to migrate now</source>
      <translation>Deel van de lijst dat nu wordt gemigreerd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="176" />
      <source>Reading {name}...</source>
      <translation>Bezig met lezen van {name}...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="199" />
      <source>The list could not be read.</source>
      <translation>De lijst kon niet worden gelezen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="220" />
      <source>{name}: {format}.</source>
      <translation>{name}: {format}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="223" />
      <source>{rows} rows: {ready} ready, {bad} with an error, {warnings} warnings.</source>
      <translation>{rows} rijen: {ready} klaar, {bad} met een fout, {warnings} waarschuwingen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="232" />
      <source>{count} rows removed from this batch.</source>
      <translation>{count} rijen uit deze batch verwijderd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="246" />
      <source>{name} ({count} mailboxes)</source>
      <translation>{name} ({count} postvakken)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="316" />
      <source>Mailbox lists (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>Lijsten met postvakken (*.csv *.xlsx *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="322" />
      <source>Excel workbook, Microsoft's staged format (*.xlsx)</source>
      <translation>Excel-werkmap, gefaseerde indeling van Microsoft (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="323" />
      <source>CSV, Microsoft's staged format (*.csv)</source>
      <translation>CSV, gefaseerde indeling van Microsoft (*.csv)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="324" />
      <source>Excel workbook, Microsoft's IMAP format (*.xlsx)</source>
      <translation>Excel-werkmap, IMAP-indeling van Microsoft (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="325" />
      <source>CSV, Microsoft's IMAP format (*.csv)</source>
      <translation>CSV, IMAP-indeling van Microsoft (*.csv)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="328" />
      <source>Save a template</source>
      <translation>Een sjabloon opslaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="340" />
      <source>Template saved as {path}.</source>
      <translation>Sjabloon opgeslagen als {path}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="351" />
      <source>Save the rows with errors</source>
      <translation>De rijen met fouten opslaan</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="351" />
      <source>Lists (*.csv *.xlsx)</source>
      <translation>Lijsten (*.csv *.xlsx)</translation>
    </message>
    <message>
      <location filename="../../gui/pages/mailbox_list.py" line="359" />
      <source>The rows with errors were saved as {path}, with what to fix in each.</source>
      <translation>De rijen met fouten zijn opgeslagen als {path}, met bij elke rij wat u moet herstellen.</translation>
    </message>
  </context>
  <context>
    <name>MailboxProgressModel</name>
    <message>
      <location filename="../../gui/models.py" line="325" />
      <source>Mailbox</source>
      <translation>Postvak</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="326" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="327" />
      <source>Folder</source>
      <translation>Map</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="328" />
      <source>Items (estimate)</source>
      <translation>Items (schatting)</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="329" />
      <source>Data</source>
      <translation>Gegevens</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="330" />
      <source>Speed</source>
      <translation>Snelheid</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="331" />
      <source>Last activity</source>
      <translation>Laatste activiteit</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="332" />
      <source>What to do</source>
      <translation>Wat u moet doen</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="362" />
      <source>The server asked Mailstage to slow down; the copy goes on by itself.</source>
      <translation>De server heeft Mailstage gevraagd het rustiger aan te doen; het kopiëren gaat vanzelf verder.</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="376" />
      <source>Waiting since {time}</source>
      <translation>Wacht sinds {time}</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="384" />
      <source>{done} of {total}</source>
      <translation>{done} van {total}</translation>
    </message>
  </context>
  <context>
    <name>MigrationPage</name>
    <message>
      <location filename="../../gui/pages/base.py" line="144" />
      <source>To go on:</source>
      <translation>Om verder te gaan:</translation>
    </message>
  </context>
  <context>
    <name>MigrationWizard</name>
    <message>
      <location filename="../../gui/wizard.py" line="39" />
      <source>Mailstage</source>
      <translation>Mailstage</translation>
    </message>
    <message>
      <location filename="../../gui/wizard.py" line="45" />
      <source>&amp;Start migration</source>
      <translation>Migratie &amp;starten</translation>
    </message>
    <message>
      <location filename="../../gui/wizard.py" line="46" />
      <source>&amp;Close</source>
      <translation>&amp;Sluiten</translation>
    </message>
    <message>
      <location filename="../../gui/wizard.py" line="174" />
      <source>Stop the migration?</source>
      <translation>De migratie stoppen?</translation>
    </message>
    <message>
      <location filename="../../gui/wizard.py" line="176" />
      <source>A batch is running. If you close Mailstage now, the batch stops after the current messages; nothing copied so far is lost, and the batch resumes when you open this migration again.

Stop the batch and close?</source>
      <translation>Er loopt een batch. Als u Mailstage nu sluit, stopt de batch na de berichten die nu worden gekopieerd; wat al is gekopieerd gaat niet verloren, en de batch gaat verder als u deze migratie weer opent.

De batch stoppen en sluiten?</translation>
    </message>
  </context>
  <context>
    <name>MissingText</name>
    <message>
      <location filename="../../gui/pages/base.py" line="25" />
      <source>Open the list of mailboxes to move.</source>
      <translation>Open de lijst met postvakken die u wilt verhuizen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="26" />
      <source>Remove the rows marked in red, or fix them in the file and open it again.</source>
      <translation>Verwijder de rood gemarkeerde rijen, of herstel ze in het bestand en open het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="29" />
      <source>The list must contain at least one mailbox.</source>
      <translation>De lijst moet minstens één postvak bevatten.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="32" />
      <source>Enter the old server's name.</source>
      <translation>Voer de naam van de oude server in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="33" />
      <source>Enter the new server's name.</source>
      <translation>Voer de naam van de nieuwe server in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="34" />
      <location filename="../../gui/pages/base.py" line="35" />
      <source>Enter a port from 1 to 65535.</source>
      <translation>Voer een poort van 1 tot en met 65535 in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="36" />
      <source>Choose the folder to read from.</source>
      <translation>Kies de map waaruit moet worden gelezen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="37" />
      <source>Choose the folder to write to.</source>
      <translation>Kies de map waarnaar moet worden geschreven.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="38" />
      <location filename="../../gui/pages/base.py" line="39" />
      <source>Enter your Microsoft 365 tenant.</source>
      <translation>Voer uw Microsoft 365-tenant in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="40" />
      <location filename="../../gui/pages/base.py" line="43" />
      <source>Enter the application (client) ID of your app registration.</source>
      <translation>Voer de toepassings-ID (client) van uw app-registratie in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="46" />
      <source>Enter the administrator's password.</source>
      <translation>Voer het wachtwoord van de beheerder in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="47" />
      <source>Enter the administrator's password or the app's client secret.</source>
      <translation>Voer het wachtwoord van de beheerder of het clientgeheim van de app in.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="50" />
      <location filename="../../gui/pages/base.py" line="53" />
      <source>Click Test connection; you can go on when the test succeeds.</source>
      <translation>Klik op Verbinding testen; u kunt verder als de test slaagt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="56" />
      <source>Run the checks for the current settings and list.</source>
      <translation>Voer de controles uit voor de huidige instellingen en lijst.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="59" />
      <source>Fix what the red checks name, then run them again.</source>
      <translation>Los op wat de rode controles noemen en voer ze opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="62" />
      <source>Read the warnings and confirm that you want to go on anyway.</source>
      <translation>Lees de waarschuwingen en bevestig dat u toch wilt doorgaan.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="65" />
      <source>Give the batch a name.</source>
      <translation>Geef de batch een naam.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="66" />
      <source>Shorten the batch name to at most 64 characters.</source>
      <translation>Maak de batchnaam korter: maximaal 64 tekens.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="69" />
      <source>An earlier batch has this name: choose another one.</source>
      <translation>Een eerdere batch heeft deze naam: kies een andere.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/base.py" line="72" />
      <source>The report opens when every mailbox of the batch is done.</source>
      <translation>Het rapport gaat open als elk postvak van de batch klaar is.</translation>
    </message>
  </context>
  <context>
    <name>OutcomeModel</name>
    <message>
      <location filename="../../gui/models.py" line="72" />
      <source>Mailbox</source>
      <translation>Postvak</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="73" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="74" />
      <source>Items migrated</source>
      <translation>Gemigreerde items</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="75" />
      <source>Items skipped</source>
      <translation>Overgeslagen items</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="76" />
      <source>Data</source>
      <translation>Gegevens</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="77" />
      <source>Verification</source>
      <translation>Controle</translation>
    </message>
    <message>
      <location filename="../../gui/models.py" line="78" />
      <source>What to do</source>
      <translation>Wat u moet doen</translation>
    </message>
  </context>
  <context>
    <name>ProblemText</name>
    <message>
      <location filename="../../gui/problem_text.py" line="24" />
      <source>The e-mail address is empty.</source>
      <translation>Het e-mailadres is leeg.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="25" />
      <source>The e-mail address has no @.</source>
      <translation>Het e-mailadres bevat geen @.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="26" />
      <source>The e-mail address has more than one @.</source>
      <translation>Het e-mailadres bevat meer dan één @.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="29" />
      <source>The e-mail address contains a space.</source>
      <translation>Het e-mailadres bevat een spatie.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="30" />
      <source>The e-mail address has no domain after the @.</source>
      <translation>Het e-mailadres heeft geen domein na de @.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="33" />
      <source>The e-mail address has nothing before the @.</source>
      <translation>Er staat niets vóór de @ in het e-mailadres.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="36" />
      <source>The domain of the e-mail address is not valid.</source>
      <translation>Het domein van het e-mailadres is ongeldig.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="39" />
      <source>The part before the @ is not valid.</source>
      <translation>Het deel vóór de @ is ongeldig.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="40" />
      <source>The e-mail address is too long.</source>
      <translation>Het e-mailadres is te lang.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="41" />
      <source>The cell holds more than one address: one per row.</source>
      <translation>De cel bevat meer dan één adres: één adres per rij.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="44" />
      <source>The cell holds a name as well: keep only the address.</source>
      <translation>De cel bevat ook een naam: laat alleen het adres staan.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="47" />
      <source>Remove 'mailto:' in front of the address.</source>
      <translation>Verwijder 'mailto:' vóór het adres.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="50" />
      <source>The address contains an invisible character: type it again.</source>
      <translation>Het adres bevat een onzichtbaar teken: typ het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="53" />
      <source>The part before the @ has accented letters; not every server accepts them.</source>
      <translation>Het deel vóór de @ bevat letters met accenten; niet elke server accepteert die.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="56" />
      <source>{address} is also on row {other_row}: a mailbox can be in a list only once.</source>
      <translation>{address} staat ook op rij {other_row}: een postvak mag maar één keer in een lijst staan.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="59" />
      <source>The password is shorter than 8 characters.</source>
      <translation>Het wachtwoord is korter dan 8 tekens.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="62" />
      <source>The password is empty.</source>
      <translation>Het wachtwoord is leeg.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="63" />
      <source>Excel stored the password as a number: format the column as Text and type it again.</source>
      <translation>Excel heeft het wachtwoord als getal opgeslagen: maak de kolom op als Tekst en typ het opnieuw.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="67" />
      <source>Not True or False. Use True or False (also accepted: Waar/Onwaar, Ja/Nee, 1/0).</source>
      <translation>Geen True of False. Gebruik True of False (ook goed: Waar/Onwaar, Ja/Nee, 1/0).</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="70" />
      <source>This row has more or fewer cells than the header.</source>
      <translation>Deze rij heeft meer of minder cellen dan de kopregel.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="73" />
      <source>This row has empty cells after the last column.</source>
      <translation>Deze rij heeft lege cellen na de laatste kolom.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="76" />
      <source>The user name (UserName) is empty.</source>
      <translation>De gebruikersnaam (UserName) is leeg.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="77" />
      <source>The cell shows a formula error.</source>
      <translation>De cel toont een formulefout.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="78" />
      <source>The formula in this cell was never calculated: open and save the file in Excel.</source>
      <translation>De formule in deze cel is nooit berekend: open het bestand in Excel en sla het op.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="81" />
      <source>Merged cells: unmerge them in Excel.</source>
      <translation>Samengevoegde cellen: maak de samenvoeging in Excel ongedaan.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="82" />
      <source>Mailstage does not know the column {header} and ignores it.</source>
      <translation>Mailstage kent de kolom {header} niet en negeert die.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="85" />
      <source>The list has {count} mailboxes; Microsoft allows 2,000 per batch, so Mailstage splits it.</source>
      <translation>De lijst bevat {count} postvakken; Microsoft staat 2.000 per batch toe, dus Mailstage splitst de lijst.</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="110" />
      <source>format not recognised</source>
      <translation>indeling niet herkend</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="112" />
      <source>Microsoft's staged format</source>
      <translation>gefaseerde indeling van Microsoft</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="114" />
      <source>Microsoft's IMAP format</source>
      <translation>IMAP-indeling van Microsoft</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="117" />
      <source>commas</source>
      <translation>komma's</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="118" />
      <source>semicolons</source>
      <translation>puntkomma's</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="119" />
      <source>tabs</source>
      <translation>tabs</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="120" />
      <source>vertical bars</source>
      <translation>verticale strepen</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="122" />
      <source>CSV separated by {separator}, {encoding}</source>
      <translation>CSV gescheiden door {separator}, {encoding}</translation>
    </message>
    <message>
      <location filename="../../gui/problem_text.py" line="127" />
      <source>Excel workbook, sheet {sheet}</source>
      <translation>Excel-werkmap, werkblad {sheet}</translation>
    </message>
  </context>
  <context>
    <name>ProgressPage</name>
    <message>
      <location filename="../../gui/pages/progress.py" line="52" />
      <source>Migrating the mailboxes</source>
      <translation>De postvakken worden gemigreerd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="55" />
      <source>Users can keep working meanwhile. New mail that arrives during the copy is picked up by the next sync of this batch.</source>
      <translation>Gebruikers kunnen intussen gewoon doorwerken. Nieuwe e-mail die tijdens het kopiëren binnenkomt, wordt meegenomen bij de volgende synchronisatie van deze batch.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="65" />
      <location filename="../../gui/pages/progress.py" line="220" />
      <source>Migrating mailboxes...</source>
      <translation>Bezig met migreren van postvakken...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="70" />
      <source>Overall progress</source>
      <translation>Totale voortgang</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="95" />
      <source>Mailboxes in the batch</source>
      <translation>Postvakken in de batch</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="112" />
      <source>S&amp;top</source>
      <translation>&amp;Stoppen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="114" />
      <source>Stop the batch</source>
      <translation>De batch stoppen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="116" />
      <source>Stops after the messages being copied; what is copied stays, and Resume goes on.</source>
      <translation>Stopt na de berichten die nu worden gekopieerd; wat is gekopieerd blijft staan, en Hervatten gaat verder.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="119" />
      <source>&amp;Resume</source>
      <translation>&amp;Hervatten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="121" />
      <source>Resume the batch</source>
      <translation>De batch hervatten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="123" />
      <source>Retry &amp;failed</source>
      <translation>Mislukte opnieuw &amp;proberen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="125" />
      <source>Retry the failed mailboxes</source>
      <translation>De mislukte postvakken opnieuw proberen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="194" />
      <source>The batch starts at {time}. Leave Mailstage open.</source>
      <translation>De batch start om {time}. Laat Mailstage openstaan.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="238" />
      <source>Stopping after the messages being copied...</source>
      <translation>Bezig met stoppen na de berichten die nu worden gekopieerd...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="268" />
      <source>{done} of {total} copied</source>
      <translation>{done} van {total} gekopieerd</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="276" />
      <source>{time} left</source>
      <translation>nog {time}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="293" />
      <source>{synced} of {total} mailboxes synced, {syncing} syncing, {queued} queued, {failed} failed.</source>
      <translation>{synced} van {total} postvakken gesynchroniseerd, {syncing} bezig, {queued} in wachtrij, {failed} mislukt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="309" />
      <source>Waiting for the server since {time}: it asked Mailstage to slow down. This is normal; the copy goes on by itself.</source>
      <translation>Wacht sinds {time} op de server: die heeft Mailstage gevraagd het rustiger aan te doen. Dat is normaal; het kopiëren gaat vanzelf verder.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="322" />
      <source>Stopped. Resume goes on where the batch stopped.</source>
      <translation>Gestopt. Hervatten gaat verder waar de batch is gestopt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="329" />
      <source>Batch {status}.</source>
      <translation>Batch {status}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="344" />
      <source>Batch {status}: {failed} mailboxes failed. Retry them, or go on to the report to see why.</source>
      <translation>Batch {status}: {failed} postvakken mislukt. Probeer ze opnieuw, of ga naar het rapport om te zien waarom.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/progress.py" line="351" />
      <source>The batch stopped on an error.</source>
      <translation>De batch is gestopt door een fout.</translation>
    </message>
  </context>
  <context>
    <name>ReportPage</name>
    <message>
      <location filename="../../gui/pages/report.py" line="50" />
      <source>Check the report of the batch</source>
      <translation>Het rapport van de batch controleren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="53" />
      <source>Make sure every mailbox was migrated before you switch its users over. Mailstage compared each mailbox on both systems; the grade says what it found.</source>
      <translation>Controleer of elk postvak is gemigreerd voordat u de gebruikers overzet. Mailstage heeft elk postvak op beide systemen vergeleken; de beoordeling zegt wat het vond.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="63" />
      <source>Mailboxes in the batch</source>
      <translation>Postvakken in de batch</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="75" />
      <source>Open the &amp;summary</source>
      <translation>&amp;Samenvatting openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="77" />
      <source>Open the printable summary</source>
      <translation>De afdrukbare samenvatting openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="79" />
      <source>Open the reports &amp;folder</source>
      <translation>&amp;Rapportmap openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="81" />
      <source>Open the reports folder</source>
      <translation>De rapportmap openen</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="83" />
      <source>Send the status &amp;mail...</source>
      <translation>Status&amp;mail verzenden...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="85" />
      <source>Send the status mail</source>
      <translation>De statusmail verzenden</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="107" />
      <source>Sync &amp;again</source>
      <translation>&amp;Opnieuw synchroniseren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="109" />
      <source>Sync the batch again</source>
      <translation>De batch opnieuw synchroniseren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="111" />
      <source>Runs the batch again: copies only what arrived or changed since the last run.</source>
      <translation>Voert de batch opnieuw uit: kopieert alleen wat er sinds de vorige keer is binnengekomen of gewijzigd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="116" />
      <source>Users keep receiving mail in their old mailbox until the switch. Sync again copies only what arrived or changed since the last run: run it right before the switch, and once more after forwarding is set.</source>
      <translation>Tot de overstap blijven gebruikers e-mail ontvangen in hun oude postvak. Opnieuw synchroniseren kopieert alleen wat er sinds de vorige keer is binnengekomen of gewijzigd: doe het vlak voor de overstap, en nog een keer nadat het doorsturen is ingesteld.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="125" />
      <location filename="../../gui/pages/report.py" line="146" />
      <source>Copy the older messages too</source>
      <translation>Ook de oudere berichten kopiëren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="148" />
      <source>Runs the batch again with every date: the older messages follow, nothing twice.</source>
      <translation>Voert de batch opnieuw uit met alle datums: de oudere berichten volgen, niets twee keer.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="150" />
      <source>on or after {first}</source>
      <translation>op of na {first}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="152" />
      <source>Copy the o&amp;ther messages too</source>
      <translation>Ook de overi&amp;ge berichten kopiëren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="153" />
      <source>Copy the other messages too</source>
      <translation>Ook de overige berichten kopiëren</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="155" />
      <source>Runs the batch again with every date: the other messages follow, nothing twice.</source>
      <translation>Voert de batch opnieuw uit met alle datums: de overige berichten volgen, niets twee keer.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="158" />
      <source>on or before {last}</source>
      <translation>op of vóór {last}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="160" />
      <source>from {first} through {last}</source>
      <translation>van {first} tot en met {last}</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="164" />
      <source>This batch copied only messages received {range}. This runs it again with every date: the rest of the mail follows, and nothing already copied is copied twice.</source>
      <translation>Deze batch kopieerde alleen berichten die {range} zijn ontvangen. Hiermee loopt de batch opnieuw met alle datums: de rest van de e-mail volgt, en wat al gekopieerd is, wordt niet nog eens gekopieerd.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="192" />
      <source>Batch {name}: {synced} mailboxes migrated, {failed} failed.</source>
      <translation>Batch {name}: {synced} postvakken gemigreerd, {failed} mislukt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="200" />
      <source>Batch {name}: {status}. {synced} of {total} mailboxes migrated, {failed} failed; {items} items ({data}) in {duration}.</source>
      <translation>Batch {name}: {status}. {synced} van {total} postvakken gemigreerd, {failed} mislukt; {items} items ({data}) in {duration}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="293" />
      <source>Sending the status mail...</source>
      <translation>Bezig met verzenden van de statusmail...</translation>
    </message>
    <message>
      <location filename="../../gui/pages/report.py" line="303" />
      <source>The status mail was sent to {recipients}.</source>
      <translation>De statusmail is verzonden naar {recipients}.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/batch.py" line="169" />
      <location filename="../../gui/pages/report.py" line="123" />
      <location filename="../../gui/pages/report.py" line="145" />
      <source>Copy the &amp;older messages too</source>
      <translation>Ook de o&amp;udere berichten kopiëren</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <location filename="../../gui/signin_dialog.py" line="42" />
      <location filename="../../gui/signin_dialog.py" line="43" />
      <source>Sign in to Microsoft 365</source>
      <translation>Aanmelden bij Microsoft 365</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="46" />
      <source>Asking Microsoft for a sign-in code...</source>
      <translation>Microsoft wordt om een aanmeldcode gevraagd...</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="48" />
      <source>What to do</source>
      <translation>Wat u moet doen</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="53" />
      <source>Sign-in page</source>
      <translation>Aanmeldpagina</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="64" />
      <source>Sign-in code</source>
      <translation>Aanmeldcode</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="73" />
      <source>&amp;Copy code</source>
      <translation>Code &amp;kopiëren</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="75" />
      <source>Copy the sign-in code</source>
      <translation>De aanmeldcode kopiëren</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="83" />
      <source>Time left</source>
      <translation>Resterende tijd</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="87" />
      <source>Waiting for Microsoft</source>
      <translation>Wachten op Microsoft</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="92" />
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="94" />
      <source>Cancel the sign-in</source>
      <translation>De aanmelding annuleren</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="107" />
      <source>Open this page in a browser, enter the code below and sign in as an administrator of the tenant. Mailstage continues by itself once you have signed in.</source>
      <translation>Open deze pagina in een browser, voer de code hieronder in en meld u aan als beheerder van de tenant. Mailstage gaat vanzelf verder zodra u bent aangemeld.</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="121" />
      <source>Microsoft's sign-in service asked Mailstage to wait {seconds} s.</source>
      <translation>De aanmeldservice van Microsoft heeft Mailstage gevraagd {seconds} s te wachten.</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="134" />
      <source>The code has expired.</source>
      <translation>De code is verlopen.</translation>
    </message>
    <message>
      <location filename="../../gui/signin_dialog.py" line="138" />
      <source>Time left to sign in: {minutes}:{seconds}</source>
      <translation>Resterende tijd om u aan te melden: {minutes}:{seconds}</translation>
    </message>
  </context>
  <context>
    <name>Status</name>
    <message>
      <location filename="../../gui/labels.py" line="15" />
      <source>Queued</source>
      <translation>In wachtrij</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="16" />
      <location filename="../../gui/labels.py" line="31" />
      <source>Syncing</source>
      <translation>Synchroniseren</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="17" />
      <location filename="../../gui/labels.py" line="32" />
      <source>Incremental syncing</source>
      <translation>Incrementeel synchroniseren</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="18" />
      <location filename="../../gui/labels.py" line="35" />
      <source>Synced</source>
      <translation>Gesynchroniseerd</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="19" />
      <location filename="../../gui/labels.py" line="38" />
      <source>Failed</source>
      <translation>Mislukt</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="20" />
      <location filename="../../gui/labels.py" line="34" />
      <source>Stopped</source>
      <translation>Gestopt</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="30" />
      <source>Created</source>
      <translation>Gemaakt</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="33" />
      <source>Stopping</source>
      <translation>Wordt gestopt</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="36" />
      <source>Synced with errors</source>
      <translation>Gesynchroniseerd met fouten</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="37" />
      <source>Completed</source>
      <translation>Voltooid</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="50" />
      <source>Perfect</source>
      <translation>Perfect</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="51" />
      <source>Good</source>
      <translation>Goed</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="52" />
      <source>Investigate</source>
      <translation>Onderzoeken</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="53" />
      <source>Poor</source>
      <translation>Slecht</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="65" />
      <source>Every message is on the new system.</source>
      <translation>Elk bericht staat op het nieuwe systeem.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="66" />
      <source>Only messages listed as skipped (for example too large) are missing.</source>
      <translation>Alleen berichten die als overgeslagen zijn vermeld (bijvoorbeeld te groot), ontbreken.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="69" />
      <source>Some messages are missing that no report explains: look at this mailbox.</source>
      <translation>Er ontbreken berichten die geen rapport verklaart: bekijk dit postvak.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="72" />
      <source>A folder or more than 1% of the messages is missing: run the batch again.</source>
      <translation>Er ontbreekt een map of meer dan 1% van de berichten: voer de batch opnieuw uit.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="85" />
      <source>Look at the skipped messages in the summary.</source>
      <translation>Bekijk de overgeslagen berichten in de samenvatting.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="86" />
      <source>Run the batch again; if messages stay missing, open the summary to see which.</source>
      <translation>Voer de batch opnieuw uit; als er berichten blijven ontbreken, ziet u in de samenvatting welke.</translation>
    </message>
    <message>
      <location filename="../../gui/labels.py" line="89" />
      <source>Run the batch again before switching this user over.</source>
      <translation>Voer de batch opnieuw uit voordat u deze gebruiker overzet.</translation>
    </message>
  </context>
  <context>
    <name>StatusMailDialog</name>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="32" />
      <source>Send the status mail</source>
      <translation>De statusmail verzenden</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="36" />
      <source>Mailstage sends the counts and the two reports (MigrationStatistics.csv and MigrationErrors.csv) through your mail server, as Microsoft does after a batch.</source>
      <translation>Mailstage verzendt de aantallen en de twee rapporten (MigrationStatistics.csv en MigrationErrors.csv) via uw mailserver, zoals Microsoft na een batch doet.</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="45" />
      <source>Mail server (SMTP)</source>
      <translation>Mailserver (SMTP)</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="50" />
      <source>Port</source>
      <translation>Poort</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="53" />
      <source>Security</source>
      <translation>Beveiliging</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="54" />
      <source>STARTTLS (port 587)</source>
      <translation>STARTTLS (poort 587)</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="55" />
      <source>TLS (port 465)</source>
      <translation>TLS (poort 465)</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="56" />
      <source>None (not recommended)</source>
      <translation>Geen (niet aanbevolen)</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="57" />
      <source>User name</source>
      <translation>Gebruikersnaam</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="58" />
      <source>Password</source>
      <translation>Wachtwoord</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="61" />
      <source>Stored in the keyring; type to replace it</source>
      <translation>Opgeslagen in de sleutelbos; typ om het te vervangen</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="62" />
      <source>From</source>
      <translation>Van</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="63" />
      <source>To</source>
      <translation>Aan</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="64" />
      <source>admin@contoso.nl; helpdesk@contoso.nl</source>
      <translation>beheer@contoso.nl; helpdesk@contoso.nl</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="66" />
      <source>&amp;Mail server:</source>
      <translation>&amp;Mailserver:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="67" />
      <source>&amp;Port:</source>
      <translation>&amp;Poort:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="68" />
      <source>S&amp;ecurity:</source>
      <translation>&amp;Beveiliging:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="69" />
      <source>&amp;User name:</source>
      <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="70" />
      <source>Pass&amp;word:</source>
      <translation>Wachtwoor&amp;d:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="71" />
      <source>&amp;From:</source>
      <translation>&amp;Van:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="72" />
      <source>&amp;To:</source>
      <translation>&amp;Aan:</translation>
    </message>
    <message>
      <location filename="../../gui/statusmail_dialog.py" line="80" />
      <source>&amp;Send</source>
      <translation>Ver&amp;zenden</translation>
    </message>
  </context>
  <context>
    <name>ThroughputChart</name>
    <message>
      <location filename="../../gui/throughput_chart.py" line="24" />
      <source>Copy speed over the last minutes</source>
      <translation>Kopieersnelheid in de afgelopen minuten</translation>
    </message>
    <message>
      <location filename="../../gui/throughput_chart.py" line="85" />
      <source>now {rate}, peak {peak}</source>
      <translation>nu {rate}, piek {peak}</translation>
    </message>
  </context>
  <context>
    <name>page</name>
    <message>
      <location filename="../../gui/screenshots.py" line="370" />
      <source>Migrating mailboxes...</source>
      <translation>Bezig met migreren van postvakken...</translation>
    </message>
  </context>
</TS>