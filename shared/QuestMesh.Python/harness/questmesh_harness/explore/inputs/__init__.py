"""What the search calls with: values for parameters, drawn from the target's own vocabulary."""
