"""What the search can call, and running those calls in-process under the arc tracer."""
