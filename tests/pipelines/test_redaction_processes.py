"""How many processes redact each batch: a pool per CPU (at most 4) for local streaming from
files, unless the flag says otherwise; one for batch runs, which spread work themselves."""
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from pipelines import config
from pipelines.config import UsageError, make_config


def _config(tmp_path, *flags):
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "a.jsonl").write_text("{}\n")
    # Streaming watches a directory; a batch run reads the files a glob matches.
    source = tmp_path / "in" if "--streaming" in flags else tmp_path / "in" / "*.jsonl"
    argv = ["--input", str(source), "--output", str(tmp_path / "out"), *flags]
    return make_config(PipelineOptions(argv))


@pytest.mark.parametrize("cpus,expected", [(1, 1), (2, 2), (3, 3), (16, 4), (None, 1)])
def test_local_streaming_redacts_over_one_process_per_cpu_at_most_four(
        tmp_path, monkeypatch, cpus, expected):
    monkeypatch.setattr(config.os, "cpu_count", lambda: cpus)
    assert _config(tmp_path, "--streaming").batch_sizes.processes == expected


def test_the_flag_overrides_the_streaming_default(tmp_path, monkeypatch):
    monkeypatch.setattr(config.os, "cpu_count", lambda: 8)
    cfg = _config(tmp_path, "--streaming", "--local-redaction-processes", "1")
    assert cfg.batch_sizes.processes == 1


def test_a_batch_run_redacts_in_its_workers_whatever_the_cpus(tmp_path, monkeypatch):
    monkeypatch.setattr(config.os, "cpu_count", lambda: 8)
    assert _config(tmp_path).batch_sizes.processes == 1
    assert _config(tmp_path, "--local-redaction-processes", "3").batch_sizes.processes == 1


def test_zero_redaction_processes_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="at least 1"):
        _config(tmp_path, "--streaming", "--local-redaction-processes", "0")


@pytest.mark.parametrize("flags,expected", [
    (("--num-shards", "-1"), "--num-shards must be at least 1"),
    (("--progress-seconds", "-5"), "--progress-seconds must be 0 or more"),
])
def test_a_negative_number_is_a_usage_error_without_the_cli_too(tmp_path, flags, expected):
    """mend25b: a template or `python -m pipelines.redact` skips the CLI's check; the
    config makes it again (before: a batch run ignored --num-shards -1)."""
    with pytest.raises(UsageError, match=expected):
        _config(tmp_path, *flags)
