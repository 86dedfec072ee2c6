; Inno Setup 6 script: per-user setup for cchc-desktop (no administrator rights needed).
;
; Built by installer/build.py on Windows, which passes the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\cchc-desktop /DOutputDir=dist installer\windows\cchc-desktop.iss
;
; The user's reports are NOT in the program folder: the database and its backups live in
; the per-user data folder (%LOCALAPPDATA%\cchc-desktop\cchc-desktop, see cchc_desktop/paths.py).
; Nothing below touches that folder: uninstalling removes the program only, and an upgrade
; (same AppId) replaces the program files and keeps every report.
;
; Wizard texts: Inno Setup's own English messages (compiler:Default.isl, part of Inno Setup)
; with every page a user sees during install and uninstall overridden in Vietnamese below.
; We write our own texts instead of using the unofficial Vietnamese.isl.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (installer/build.py reads it from pyproject.toml)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\cchc-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Báo cáo tuyên truyền CCHC"
#define AppExe "cchc-desktop.exe"

[Setup]
; Never change AppId: Windows recognises an upgrade (and keeps one entry in "Apps") by it.
AppId={{221E659E-2CA8-47A0-BE88-B590DF309210}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=cchc-desktop
; Per-user install: %LOCALAPPDATA%\Programs\cchc-desktop, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={userpf}\cchc-desktop
DisableProgramGroupPage=yes
DisableWelcomePage=no
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running copy (Restart Manager) so the upgrade can replace its files.
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename=cchc-desktop-{#AppVersion}-setup
ShowLanguageDialog=no

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl"

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade first removes the previous program files (a stale library from an older build
; can break the new one). Only the bundle folder: the user's data is never under {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] deleting folders: the uninstaller removes exactly the
; files it installed, so the database and backups in the per-user data folder stay.

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt - %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
InformationTitle=Thông tin
ConfirmTitle=Xác nhận
ErrorTitle=Lỗi
SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Bạn có muốn tiếp tục không?
SetupAlreadyRunning=Chương trình cài đặt đang chạy.
SetupAppRunningError=Phần mềm %1 đang mở.%n%nHãy đóng nó rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
UninstallAppRunningError=Phần mềm %1 đang mở.%n%nHãy đóng nó rồi bấm Đồng ý để tiếp tục, hoặc Hủy để thoát.
SetupAborted=Chưa cài đặt xong.%n%nHãy khắc phục sự cố rồi chạy lại chương trình cài đặt.
CannotContinue=Không thể tiếp tục cài đặt. Bấm Hủy để thoát.
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, phần mềm sẽ không được cài.%n%nBạn có thể chạy lại chương trình cài đặt vào lúc khác.%n%nThoát cài đặt?
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Hủy
ButtonYes=&Có
ButtonYesToAll=Có với &tất cả
ButtonNo=&Không
ButtonNoToAll=K&hông với tất cả
ButtonFinish=&Hoàn tất
ButtonBrowse=&Chọn...
ButtonWizardBrowse=C&họn...
ButtonNewFolder=&Tạo thư mục mới
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát.
BrowseDialogTitle=Chọn thư mục
BrowseDialogLabel=Chọn một thư mục trong danh sách rồi bấm Đồng ý.
NewFolderName=Thư mục mới
WelcomeLabel1=Chào mừng đến với chương trình cài đặt [name]
WelcomeLabel2=Chương trình sẽ cài [name/ver] vào máy tính của bạn, không cần quyền quản trị và không cần Internet.%n%nCác báo cáo đã có trên máy được giữ nguyên.
WizardSelectDir=Chọn nơi cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=Phần mềm [name] sẽ được cài vào thư mục sau.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
DiskSpaceGBLabel=Cần ít nhất [gb] GB dung lượng trống.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống.
DirExistsTitle=Thư mục đã có
DirExists=Thư mục:%n%n%1%n%nđã có. Bạn vẫn muốn cài vào thư mục này?
WizardSelectTasks=Chọn thêm
SelectTasksDesc=Bạn có muốn làm thêm việc nào không?
SelectTasksLabel2=Chọn những việc muốn làm thêm khi cài [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Đã sẵn sàng cài [name] vào máy tính của bạn.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại nếu muốn xem hay đổi lựa chọn.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
ReadyMemoDir=Nơi cài đặt:
ReadyMemoTasks=Việc làm thêm:
WizardPreparing=Chuẩn bị cài đặt
PreparingDesc=Đang chuẩn bị cài [name] vào máy tính của bạn.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để chương trình cài đặt tự đóng chúng.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để chương trình cài đặt tự đóng chúng. Sau khi cài xong, chương trình cài đặt sẽ thử mở lại chúng.
CloseApplications=&Tự động đóng các chương trình này
DontCloseApplications=&Không đóng các chương trình này
ErrorCloseApplications=Không tự đóng được mọi chương trình. Hãy tự đóng các chương trình đang dùng những tệp cần cập nhật trước khi tiếp tục.
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi [name] được cài vào máy tính của bạn.
FinishedHeadingLabel=Đã cài đặt xong [name]
FinishedLabelNoIcons=Đã cài xong [name] vào máy tính của bạn.
FinishedLabel=Đã cài xong [name] vào máy tính của bạn. Mở phần mềm từ biểu tượng trong trình đơn Start hoặc trên màn hình.
ClickFinish=Bấm Hoàn tất để đóng chương trình cài đặt.
RunEntryExec=Mở %1
StatusClosingApplications=Đang đóng các chương trình...
StatusCreateDirs=Đang tạo thư mục...
StatusExtractFiles=Đang chép tệp...
StatusCreateIcons=Đang tạo lối tắt...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
StatusRunProgram=Đang hoàn tất...
StatusRollback=Đang hoàn lại các thay đổi...
ConfirmUninstall=Bạn có chắc muốn gỡ %1 khỏi máy tính?%n%nCác báo cáo và bản sao lưu của bạn vẫn được giữ lại.
UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy tính của bạn.
UninstalledAll=Đã gỡ %1 khỏi máy tính của bạn. Các báo cáo và bản sao lưu vẫn còn nguyên.
UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không gỡ được, bạn có thể tự xóa chúng.
WizardUninstalling=Tình trạng gỡ cài đặt
StatusUninstalling=Đang gỡ %1...
UninstallOnlyOnWin64=Chỉ gỡ được trên Windows 64-bit.
UninstallNotFound=Không thấy tệp "%1". Không gỡ được.
UninstallOpenError=Không mở được tệp "%1". Không gỡ được

[CustomMessages]
NameAndVersion=%1 phiên bản %2
AdditionalIcons=Lối tắt:
CreateDesktopIcon=Tạo lối tắt trên &màn hình
LaunchProgram=Mở %1 ngay
UninstallProgram=Gỡ cài đặt %1
