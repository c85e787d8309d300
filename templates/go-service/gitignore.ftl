# Build output
/bin/
*.exe
*.test
*.out
coverage.*

# Editors and OS
.idea/
.vscode/
.DS_Store

# Local settings
.env
