; NSIS 3 script: per-user setup for cchc-desktop (no administrator rights needed).
;
; Built on Linux by installer/build_windows.py (Debian package nsis), which passes:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSOURCE_DIR=dist/windows/cchc-desktop
;            -DOUTFILE=dist/cchc-desktop-0.1.0-setup.exe installer/windows/cchc-desktop.nsi
;
; The user's reports are NOT in the program folder: the database, its backups and the log live
; in the per-user data folder %LOCALAPPDATA%\cchc-desktop\cchc-desktop (cchc_desktop/paths.py).
; Installing or upgrading never touches it; uninstalling keeps it unless the user ticks
; "Xóa cả dữ liệu" on the uninstaller's page (unticked by default, never in a silent uninstall).
;
; Silent use (IT staff, tests): setup.exe /S installs or upgrades; uninstall.exe /S removes the
; program and keeps the data.

; A 64-bit setup: the program is 64-bit only, and it runs under Wine's 64-bit loader too (the
; smoke test), where a 32-bit setup would need 32-bit Wine.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST_COMPRESSION
  SetCompressor zlib   ; quick test builds only
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 32
!endif

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z (installer/build_windows.py reads it from pyproject.toml)"
!endif
!ifndef SOURCE_DIR
  !error "Pass the one-folder build: makensis -DSOURCE_DIR=path/to/cchc-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "cchc-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "Báo cáo tuyên truyền CCHC"
!define APP_EXE "cchc-desktop.exe"
!define APP_DIR_NAME "cchc-desktop"
; Never change this key: it is how an upgrade finds the previous installation.
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\cchc-desktop"
!define DATA_DIR "$LOCALAPPDATA\cchc-desktop\cchc-desktop"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
; Per-user: %LOCALAPPDATA%\Programs\cchc-desktop, like Inno Setup's {userpf}; no UAC prompt.
InstallDir "$LOCALAPPDATA\Programs\${APP_DIR_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "cchc-desktop (MIT)"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "..\..\resources\icons\app.ico"
!define MUI_UNICON "..\..\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APP_NAME} ${VERSION} vào máy tính của bạn, không cần quyền quản trị và không cần Internet.$\r$\n$\r$\nCác báo cáo đã có trên máy được giữ nguyên."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Phần mềm chỉ chạy trên Windows 64-bit." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; A running copy locks its files: ask the user to close it (a silent upgrade waits up to 30 s).
Function WaitUntilClosed
  StrCpy $0 0
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
      Return
    ${EndIf}
    ClearErrors
    Rename "$INSTDIR\${APP_EXE}" "$INSTDIR\${APP_EXE}.check"
    ${IfNot} ${Errors}
      Rename "$INSTDIR\${APP_EXE}.check" "$INSTDIR\${APP_EXE}"
      Return
    ${EndIf}
    ${If} ${Silent}
      IntOp $0 $0 + 1
      ${If} $0 > 30
        Abort
      ${EndIf}
      Sleep 1000
    ${Else}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "Phần mềm ${APP_NAME} đang mở.$\r$\n$\r$\nHãy đóng nó rồi bấm Thử lại, hoặc Hủy để thoát." IDRETRY +2
      Abort
    ${EndIf}
  ${Loop}
FunctionEnd

Section "Phần mềm ${APP_NAME}" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  Call WaitUntilClosed
  ; Upgrade: the previous program files go first (a stale library from an older build can break
  ; the new one). Only the program's own bundle: the user's data is never under $INSTDIR.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "cchc-desktop"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Tạo lối tắt trên màn hình" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section "un.Gỡ phần mềm ${APP_NAME}" UnSecProgram
  SectionIn RO
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\cchc-desktop.exe"
  Delete "$INSTDIR\cchc-desktop-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default (/o) and never chosen by a silent uninstall: the reports stay.
Section /o "un.Xóa cả dữ liệu báo cáo và bản sao lưu (không lấy lại được)" UnSecData
  RMDir /r "${DATA_DIR}"
  RMDir "$LOCALAPPDATA\cchc-desktop"
SectionEnd
