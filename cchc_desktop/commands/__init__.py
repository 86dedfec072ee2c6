"""Sub-commands of the command line, one module each (see command_line.COMMANDS)."""


class UserError(Exception):
    """A mistake the user can fix, raised by a command; str = one Vietnamese sentence."""
