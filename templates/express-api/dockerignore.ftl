node_modules
npm-debug.log
test
.git
.env
