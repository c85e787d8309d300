You write Python docstrings for the types of a generated Python package. Each description becomes the class docstring and a line of the package's catalog.

${rules}
