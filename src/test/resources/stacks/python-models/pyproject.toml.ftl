[project]
name = ${jsString(project.name)}
version = ${jsString(project.version)}
requires-python = ">=${stack.properties.pythonVersion}"
