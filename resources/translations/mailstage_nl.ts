<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL">
  <context>
    <name>BeforeYouBeginPage</name>
    <message>
      <location filename="../../gui/pages/welcome.py" line="16" />
      <source>Before you begin</source>
      <translation>Voordat u begint</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="18" />
      <source>Move your users' mailboxes from the old mail server to the new system in batches, without losing a message.</source>
      <translation>Verplaats de postvakken van uw gebruikers in batches van de oude mailserver naar het nieuwe systeem, zonder één bericht te verliezen.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="25" />
      <source>What is a staged migration?</source>
      <translation>Wat is een gefaseerde migratie?</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="27" />
      <source>A staged migration moves mailboxes in batches over days or weeks. Mailstage copies each user's mail, folders, flags and dates to the new system, and copies again what arrived since, until you switch that batch over. Users keep working in their old mailbox until then.</source>
      <translation>Een gefaseerde migratie verplaatst postvakken in batches, verspreid over dagen of weken. Mailstage kopieert de e-mail, mappen, markeringen en datums van elke gebruiker naar het nieuwe systeem, en kopieert opnieuw wat er sindsdien is binnengekomen, totdat u die batch overzet. Tot dan blijven gebruikers in hun oude postvak werken.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="34" />
      <source>When to choose it</source>
      <translation>Wanneer kiest u hiervoor</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="36" />
      <source>Your old server is Microsoft Exchange Server 2003 or 2007, or another server that offers IMAP, and you cannot move everyone at once, for example because you have more than 2,000 mailboxes.</source>
      <translation>Uw oude server is Microsoft Exchange Server 2003 of 2007, of een andere server met IMAP, en u kunt niet iedereen tegelijk verplaatsen, bijvoorbeeld omdat u meer dan 2.000 postvakken hebt.</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="43" />
      <source>When to choose something else</source>
      <translation>Wanneer kiest u iets anders</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="45" />
      <source>From Exchange 2010 or newer, use a cutover migration (everyone at once) or a hybrid deployment (both systems side by side for a long time) instead.</source>
      <translation>Vanaf Exchange 2010 of nieuwer gebruikt u in plaats hiervan een cutover-migratie (iedereen tegelijk) of een hybride implementatie (beide systemen lange tijd naast elkaar).</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="51" />
      <source>Have this ready</source>
      <translation>Zorg dat u dit klaar hebt</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="53" />
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
      <location filename="../../gui/pages/welcome.py" line="62" />
      <source>Good to know</source>
      <translation>Goed om te weten</translation>
    </message>
    <message>
      <location filename="../../gui/pages/welcome.py" line="64" />
      <source>Out-of-office messages are not carried over: users set them again after their move. After the switch, users create a new Outlook profile.</source>
      <translation>Afwezigheidsberichten worden niet meegenomen: gebruikers stellen ze na hun verhuizing opnieuw in. Na de overstap maken gebruikers een nieuw Outlook-profiel.</translation>
    </message>
  </context>
  <context>
    <name>MigrationWizard</name>
    <message>
      <location filename="../../gui/wizard.py" line="16" />
      <source>Mailstage</source>
      <translation>Mailstage</translation>
    </message>
  </context>
</TS>