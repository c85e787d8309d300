"""The types of ${project.name?replace("\"", "")?replace("\\", "")}."""
