; Windows installer of the standalone app (Inno Setup 6): one folder in Program Files (or
; the user's own programs folder without administrator rights), a Start-menu entry, and
; double-click on .alr-round / .alr-review files. Built by .github/workflows/platforms.yml:
;   iscc /DVersion=0.1.0 packaging\windows\alliance-review.iss   (after packaging/build)
; -> dist\alliance-review-VERSION-windows-x64-setup.exe. tests/test_installer_recipe.py
; checks it against the bundle's names and the app's file extensions.

#ifndef Version
  #error Pass the app's version: iscc /DVersion=X.Y.Z packaging\windows\alliance-review.iss
#endif
#define AppName "联盟活跃度评价"
#define AppNameEn "Alliance Activity Review"
#define Bundle "..\..\dist\alliance-review"
#define WindowExe "alliance-review.exe"
#define RoundClass "AllianceReview.Round"
#define ReviewerClass "AllianceReview.Reviewer"

[Setup]
AppId={{6A0D3C52-4C1F-4E7B-9E55-5B7A3F1C2D80}
AppName={#AppName}
AppVersion={#Version}
AppVerName={#AppName} {#Version}
AppPublisher=Alliance Review
VersionInfoVersion={#Version}
VersionInfoDescription={#AppName} {#AppNameEn}
DefaultDirName={autopf}\AllianceReview
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; administrators install for everyone; anyone else for themselves (no UAC prompt needed)
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\alliance-review.ico
UninstallDisplayIcon={app}\{#WindowExe}
UninstallDisplayName={#AppName} ({#AppNameEn})
OutputDir=..\..\dist
OutputBaseFilename=alliance-review-{#Version}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; a window of the app left open holds its files: ask to close it, never replace under it
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#WindowExe}"; Comment: "{#AppNameEn}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#WindowExe}"; Tasks: desktopicon

[Registry]
; .alr-round: the secretary's round file
Root: HKA; Subkey: "Software\Classes\.alr-round"; ValueType: string; ValueName: ""; ValueData: "{#RoundClass}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.alr-round\OpenWithProgids"; ValueType: string; ValueName: "{#RoundClass}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#RoundClass}"; ValueType: string; ValueName: ""; ValueData: "评价轮次文件 (Alliance review round)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#RoundClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#WindowExe},0"
Root: HKA; Subkey: "Software\Classes\{#RoundClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#WindowExe}"" gui ""%1"""
; .alr-review: a reviewer's file
Root: HKA; Subkey: "Software\Classes\.alr-review"; ValueType: string; ValueName: ""; ValueData: "{#ReviewerClass}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.alr-review\OpenWithProgids"; ValueType: string; ValueName: "{#ReviewerClass}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ReviewerClass}"; ValueType: string; ValueName: ""; ValueData: "评审专家文件 (Alliance review reviewer file)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ReviewerClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#WindowExe},0"
Root: HKA; Subkey: "Software\Classes\{#ReviewerClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#WindowExe}"" gui ""%1"""
; "Open with" lists the app by its name
Root: HKA; Subkey: "Software\Classes\Applications\{#WindowExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#WindowExe}\SupportedTypes"; ValueType: string; ValueName: ".alr-round"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#WindowExe}\SupportedTypes"; ValueType: string; ValueName: ".alr-review"; ValueData: ""

[Run]
Filename: "{app}\{#WindowExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
