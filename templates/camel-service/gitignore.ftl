target/
*.iml
.idea/
.vscode/
