"""One module per `preflight` subcommand, each with `register(subparsers)` and a `run(args)`."""
