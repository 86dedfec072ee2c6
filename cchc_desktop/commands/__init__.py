"""Sub-commands of the command line, one module each (see cli.COMMANDS)."""


class UserError(Exception):
    """A mistake the user can fix, raised by a command; str = one Vietnamese sentence."""
