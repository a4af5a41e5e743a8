"""Logging that never carries the data (Beam-free).

At DEBUG, libraries log what they process: presidio-analyzer the words around a
detection ("Context list is: ..."), Beam's worker every element it processes. Both
are raw personal data. So ``--log-level`` applies to hushbeam's own loggers only;
every other logger stays at WARNING (INFO when hushbeam's are at DEBUG), and the
loggers known to echo data are held at INFO or above even where something else
configured logging (call :func:`quiet_data_loggers` on workers, in ``DoFn.setup()``).
Warnings libraries give about themselves, not about the run (Beam's "apitools not found"
on import), are dropped: stderr carries what the user can act on.
"""
import logging

OWN_LOGGERS = ("hushbeam", "pipelines", "transforms")
DATA_LOGGERS = ("presidio-analyzer", "presidio-anonymizer", "decision_process",
                "apache_beam.runners.worker", "apache_beam.runners.direct",
                "apache_beam.runners.portability", "spacy")


# (logger, start of message) of library warnings that say nothing about the run.
LIBRARY_NOISE = (("root", "apitools not found"),)


class _DropLibraryNoise(logging.Filter):
    def filter(self, record):
        return not any(record.name == name and str(record.msg).startswith(start)
                       for name, start in LIBRARY_NOISE)


_NOISE_FILTER = _DropLibraryNoise()


def configure_logging(level: int) -> None:
    """``level`` for hushbeam's loggers; WARNING for libraries (INFO when ``level`` is DEBUG)."""
    library_level = logging.INFO if level < logging.INFO else max(level, logging.WARNING)
    logging.basicConfig(level=library_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        force=True)  # Beam configures the root logger when imported
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(level)
    for name in {name for name, _ in LIBRARY_NOISE}:
        logger = logging.getLogger(None if name == "root" else name)
        if _NOISE_FILTER not in logger.filters:
            logger.addFilter(_NOISE_FILTER)
    quiet_data_loggers()


def quiet_data_loggers() -> None:
    for name in DATA_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)
