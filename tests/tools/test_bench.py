"""tools.bench's arithmetic and its Markdown table (no stack needed)."""

from __future__ import annotations

from tools.bench import RESULTS_END, RESULTS_START, Result, Sample, main, percentile, write_results


def test_nearest_rank_percentiles():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 95) == 95.0
    assert percentile(values, 99) == 99.0
    assert percentile([], 95) == 0.0


def test_errors_do_not_count_as_throughput():
    result = Result(samples=[Sample("greeting", 0.1, True), Sample("topic", 0.2, False)],
                    wall_s=2.0)
    assert result.errors == 1
    assert result.throughput == 0.5


def test_rows_are_replaced_per_label_and_mode_and_the_prose_is_kept(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nProse before.\n")
    write_results(doc, "| a | closed | 1 |", "a", "closed")
    write_results(doc, "| b | closed | 2 |", "b", "closed")
    write_results(doc, "| a | closed | 3 |", "a", "closed")
    text = doc.read_text()
    assert "Prose before." in text
    table = text.split(RESULTS_START)[1].split(RESULTS_END)[0]
    assert "| a | closed | 3 |" in table and "| b | closed | 2 |" in table
    assert "| a | closed | 1 |" not in table


def test_only_loopback_stacks_are_benchmarked(capsys):
    assert main(["--url", "http://example.org:5005"]) == 2
    assert "loopback" in capsys.readouterr().out


def test_rasa_servers_are_found_by_their_command_line():
    from tools.bench import rasa_server_port

    py = "/work/.venv/bin/python"
    assert rasa_server_port([py, "-m", "bot.rasa.server", "run", "--port", "5105"]) == 5105
    assert rasa_server_port([py, "-m", "rasa", "run", "--model", "m.tar.gz"]) == 5005
    assert rasa_server_port(["/usr/bin/rasa", "run", "--port", "5006"]) == 5006
    assert rasa_server_port([py, "-m", "rasa_sdk", "--actions", "actions"]) is None
    assert rasa_server_port([py, "-m", "tools.bench", "--url", "http://x/run"]) is None


def test_the_row_carries_cpu_per_message_for_all_processes_and_for_rasa():
    from tools.bench import TABLE_HEAD, table_row

    result = Result(samples=[Sample("greeting", 0.02, True)] * 4, wall_s=1.0,
                    cpu_s_per_kind={"rasa": 0.06, "postgresql": 0.02})
    assert result.cpu_ms_per_message() == 20.0
    assert result.cpu_ms_per_message("rasa") == 15.0
    assert result.cpu_ms_per_message("haproxy") == 0.0
    row = table_row("p", "m", result)
    assert row.endswith("| 20.0 / 15.0 |")
    assert row.count("|") == TABLE_HEAD.splitlines()[0].count("|")
    assert Result().cpu_ms_per_message() == 0.0
