node_modules/
npm-debug.log*
coverage/
.env
.DS_Store
.idea/
.vscode/
