; Mailstage's Windows installer (NSIS 3, Modern UI 2). Build it with installer/build.py, which passes:
;   VERSION      the product version from pyproject.toml (0.1.0)
;   VERSION4     the same as four numbers for Windows' version resource (0.1.0.0)
;   PUBLISHER    the publisher shown in Apps & features
;   OUTFILE      where setup.exe goes
;   ICON         resources/icons/mailstage.ico
;   APP_EXE      the program's file name inside the bundle (Mailstage.exe)
;   FILES_NSH    generated: one File line per top-level entry of the PyInstaller bundle
;   UNFILES_NSH  generated: the Delete / RMDir lines that remove exactly those entries
;   COMPRESSOR   lzma (release) or zlib (quick builds for tests)
;   SIGN_COMMAND optional: a command that signs the file named by its last argument in place
;
; Behaviour (see README "Install on Windows"):
; - Per user by default, no administrator rights: %LOCALAPPDATA%\Programs\Mailstage, Start menu entry
;   and uninstall entry for the current user (HKCU).
; - For everyone on the computer (Program Files, HKLM) when run elevated: the "Install for" page offers
;   it, or /ALLUSERS on the command line. /CURRENTUSER forces a per-user install.
; - /S installs silently; /D=FOLDER (last on the command line, no quotes) picks the folder.
; - An upgrade installs over the folder of the existing installation and keeps one uninstall entry.
;   Program files of the old version are removed first. The user's data is never touched: it lives
;   in %LOCALAPPDATA%\Mailstage (engine/paths.py), outside the install folder, and the uninstaller
;   leaves it too.

!ifndef VERSION | VERSION4 | PUBLISHER | OUTFILE | ICON | APP_EXE | FILES_NSH | UNFILES_NSH
  !error "Build this script with installer/build.py (it passes the version, the bundle and the file lists)."
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR lzma
!endif

Unicode true
Target amd64-unicode
SetCompressor /SOLID ${COMPRESSOR}
RequestExecutionLevel user
ManifestDPIAware true
ManifestSupportedOS all

!define APP_NAME "Mailstage"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Mailstage"
!define SHORTCUT "$SMPROGRAMS\Mailstage.lnk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"
; No InstallDir: .onInit chooses the folder, and an empty $INSTDIR there tells that /D= was not given.

!ifdef SIGN_COMMAND
  ; Sign the uninstaller before it is packed into setup.exe, then setup.exe itself.
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
  !finalize '${SIGN_COMMAND} "%1"' = 0
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include nsDialogs.nsh

Var Scope         ; "all" or "current"
Var ScopeGiven    ; 1 when /ALLUSERS or /CURRENTUSER chose it
Var Elevated      ; 1 when this process has administrator rights
Var InstDirGiven  ; 1 when /D= chose the folder
Var RadioCurrent
Var RadioAll

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

Page custom ScopePage ScopePageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Without a language dialog, NSIS picks the one matching Windows' display language (English otherwise).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

LangString ScopeTitle ${LANG_ENGLISH} "Install for"
LangString ScopeTitle ${LANG_DUTCH} "Installeren voor"
LangString ScopeText ${LANG_ENGLISH} "Choose who can use $(^NameDA) on this computer."
LangString ScopeText ${LANG_DUTCH} "Kies wie $(^NameDA) op deze computer kan gebruiken."
LangString ScopeCurrent ${LANG_ENGLISH} "Only for &me (installed in my user profile)"
LangString ScopeCurrent ${LANG_DUTCH} "Alleen voor &mij (geïnstalleerd in mijn gebruikersprofiel)"
LangString ScopeAll ${LANG_ENGLISH} "For &everyone on this computer (installed in Program Files)"
LangString ScopeAll ${LANG_DUTCH} "Voor &iedereen op deze computer (geïnstalleerd in Program Files)"
LangString NeedAdmin ${LANG_ENGLISH} "Installing $(^NameDA) for everyone on this computer needs administrator rights.$\r$\n$\r$\nStart the installer with 'Run as administrator', or install only for yourself (leave out /ALLUSERS)."
LangString NeedAdmin ${LANG_DUTCH} "Voor het installeren van $(^NameDA) voor iedereen op deze computer zijn beheerdersrechten nodig.$\r$\n$\r$\nStart het installatieprogramma met 'Als administrator uitvoeren', of installeer alleen voor uzelf (zonder /ALLUSERS)."
LangString UnNeedAdmin ${LANG_ENGLISH} "$(^NameDA) is installed for everyone on this computer; removing it needs administrator rights.$\r$\n$\r$\nStart the uninstaller with 'Run as administrator'."
LangString UnNeedAdmin ${LANG_DUTCH} "$(^NameDA) is geïnstalleerd voor iedereen op deze computer; voor het verwijderen zijn beheerdersrechten nodig.$\r$\n$\r$\nStart het verwijderprogramma met 'Als administrator uitvoeren'."

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; UserInfo answers "Admin" only for an elevated token: under UAC an administrator's normal token is "User".
!macro DETECT_ELEVATION
  StrCpy $Elevated 0
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    StrCpy $Elevated 1
  ${EndIf}
!macroend

Function ApplyScope
  ${If} $Scope == "all"
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
  ${If} $InstDirGiven == 0
    ; Upgrade in place: install where this scope's existing installation is.
    ReadRegStr $0 SHCTX "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${ElseIf} $Scope == "all"
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP_NAME}"
    ${Else}
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APP_NAME}"
    ${EndIf}
  ${EndIf}
FunctionEnd

Function .onInit
  StrCpy $InstDirGiven 0
  ${If} $INSTDIR != ""
    StrCpy $InstDirGiven 1
  ${EndIf}
  !insertmacro DETECT_ELEVATION

  StrCpy $Scope "current"
  StrCpy $ScopeGiven 0
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/ALLUSERS" $2
  ${IfNot} ${Errors}
    StrCpy $Scope "all"
    StrCpy $ScopeGiven 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $1 "/CURRENTUSER" $2
  ${IfNot} ${Errors}
    StrCpy $Scope "current"
    StrCpy $ScopeGiven 1
  ${EndIf}
  ${If} $ScopeGiven == 0
  ${AndIf} $Elevated == 1
    ; Elevated with no choice given: upgrade an existing all-users installation if there is one.
    ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $Scope "all"
    ${EndIf}
  ${EndIf}

  ${If} $Scope == "all"
  ${AndIf} $Elevated != 1
    MessageBox MB_ICONSTOP|MB_OK "$(NeedAdmin)" /SD IDOK
    SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED, for deployment scripts
    Quit
  ${EndIf}
  Call ApplyScope
FunctionEnd

Function ScopePage
  ; Only an elevated installer can install for everyone; only then is there a choice to make.
  ${If} $Elevated != 1
  ${OrIf} $ScopeGiven == 1
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "$(ScopeTitle)" "$(ScopeText)"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateRadioButton} 0 20u 100% 14u "$(ScopeCurrent)"
  Pop $RadioCurrent
  ${NSD_CreateRadioButton} 0 40u 100% 14u "$(ScopeAll)"
  Pop $RadioAll
  ${If} $Scope == "all"
    ${NSD_Check} $RadioAll
  ${Else}
    ${NSD_Check} $RadioCurrent
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ScopePageLeave
  ${NSD_GetState} $RadioAll $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Scope "all"
  ${Else}
    StrCpy $Scope "current"
  ${EndIf}
  Call ApplyScope
FunctionEnd

Section "-${APP_NAME}"
  SetOutPath "$INSTDIR"
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"
    ; An earlier Mailstage lives here: remove its program files so none of them linger after the
    ; upgrade. The user's data is elsewhere (%LOCALAPPDATA%\Mailstage) and stays.
    DetailPrint "Removing the previous version's program files"
    !include "${UNFILES_NSH}"
  ${EndIf}
  !include "${FILES_NSH}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "${APP_NAME}: staged mailbox migration"

  ; One key per scope, named without the version: an upgrade overwrites it, so there is one entry.
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  StrCpy $Elevated 0
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    StrCpy $Elevated 1
  ${EndIf}
  ; Which registration is ours: the all-users one when it points at this folder, else the user's.
  ReadRegStr $1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $1 != ""
  ${AndIf} $1 == $INSTDIR
    ${If} $Elevated != 1
      MessageBox MB_ICONSTOP|MB_OK "$(UnNeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "${SHORTCUT}"
  ; Exactly the entries the installer put here; whatever else is in the folder is not ours.
  !include "${UNFILES_NSH}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINST_KEY}"
SectionEnd
