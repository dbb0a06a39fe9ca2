; Inno Setup 6 (6.5 or newer: the Chinese .isl targets 6.5) script for Preflight (发布前自检) on Windows.
;
; build.py compiles it after the PyInstaller build and the smoke test:
;   iscc /DAppVersion=0.1.0 /DDistDir=C:\...\dist\preflight /OC:\...\dist\packages installer\windows\preflight.iss
; Optional defines: /DIconFile=preflight.ico (build.py makes it from installer/assets/preflight.png),
; /DAppName=... /DAppPublisher=... for an agency's branded installer.
;
; Languages: English ships with Inno Setup. Chinese (Simplified) is an UNOFFICIAL translation that
; Inno Setup does not bundle: put ChineseSimplified.isl (Files/Languages/Unofficial/ in the issrc
; repository) beside this script; without it the installer is built in English only.
;
; File type: Windows matches associations on the LAST extension only, so `*.preflight.toml` cannot
; own its own type. The installer registers the ProgID Preflight.Draft, adds it to the "Open with"
; list of .toml files (never taking over the default app for all .toml files) and adds a
; "Check with Preflight" verb to the context menu of .toml files.
; This file is UTF-8 with a byte-order mark (required for the Chinese strings).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\preflight"
#endif
#ifndef AppName
  #define AppName "Preflight"
#endif
#ifndef AppPublisher
  #define AppPublisher "Preflight team"
#endif
#define GuiExe "preflight-gui.exe"
#define ProgId "Preflight.Draft"

[Setup]
AppId={{D809BAE3-0D82-459F-AF8D-B8C1AE713C9B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no admin prompt); the dialog offers an all-users install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename={#AppName}-{#AppVersion}-setup
OutputDir=..\..\dist\packages
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
ShowLanguageDialog=auto
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh"; MessagesFile: "ChineseSimplified.isl"
#endif

[CustomMessages]
en.DraftType=Preflight draft
en.CheckWith=Check with Preflight
en.AssocTask=Add "Open with" and "Check with Preflight" for .toml drafts
en.AppComment=Check a self-media draft for the labels regulations require
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
zh.DraftType=发布前自检草稿
zh.CheckWith=用发布前自检检查
zh.AssocTask=为 .toml 草稿添加“打开方式”和“用发布前自检检查”
zh.AppComment=检查自媒体草稿缺少的法定标注
#endif

[Tasks]
Name: "assoc"; Description: "{cm:AssocTask}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: preflight-gui.exe (windowed), preflight.exe (console), _internal\.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version replaces the bundled libraries wholesale; stale DLLs must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Registry]
; HKA = HKCU for a per-user install, HKLM for an all-users install.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:DraftType}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\.toml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.toml\shell\Preflight"; ValueType: string; ValueName: ""; ValueData: "{cm:CheckWith}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.toml\shell\Preflight"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\{#GuiExe},0"; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.toml\shell\Preflight\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".toml"; ValueData: ""; Flags: uninsdeletekey; Tasks: assoc

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
