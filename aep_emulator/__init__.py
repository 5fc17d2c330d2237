"""A local Adobe Experience Platform stand-in for replaying the AEP tutorial collections.

Why a separate package: the emulator is a server with its own lifecycle and store; the
runner only starts it (``pmreplay emulator``) and never imports its internals.
"""

from aep_emulator.app import Settings, create_app
from aep_emulator.server import Emulator, EmulatorError, running_emulator

__all__ = ["Emulator", "EmulatorError", "Settings", "create_app", "running_emulator"]
