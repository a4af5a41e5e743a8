"""--input-format: parsed from the command line and carried to the source of the run."""
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines.config import _source_spec
from pipelines.options import RedactOptions


def _options(*argv) -> RedactOptions:
    return PipelineOptions(["--input", "exports/*", *argv]).view_as(RedactOptions)


@pytest.mark.parametrize("argv, expected", [((), "auto"),
                                            (("--input-format", "json-array"), "json-array"),
                                            (("--input_format", "json-lines"), "json-lines")])
def test_input_format_reaches_the_source_spec(argv, expected):
    assert _source_spec(_options(*argv), streaming=False).input_format == expected


def test_an_unregistered_input_format_is_refused_on_the_command_line():
    with pytest.raises(SystemExit):
        _options("--input-format", "csv").input_format
