This template reads ${no.such.variable}.
