"""`b2bsim report`: the class debrief page (Jinja2 + matplotlib SVG) and the CSV
files, checked as data and, when Chromium is installed, in a real browser."""
import csv
import io
import json
import re
import shutil
import socket
import subprocess
import threading

import pytest

from game.cli import main
from game.engine.strategies import play_single
from game.session import read_session, result_from_game, scenario_of, write_result
from test_ui_unseen import UNSEEN

PLAYERS = [("random", "Ahn Bo-ra", "Red"), ("greedy", "김민지", "Blue"), ("expert", "Tom O'Neil <b>", None)]


@pytest.fixture(scope="module")
def session_and_results(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    scenario = root / "korean_12.yaml"
    scenario.write_text(UNSEEN["korean_12"], encoding="utf-8")
    session_file = root / "class.session.json"
    assert main(["session", "new", str(scenario), "--seed", "9", "--title", "Thursday cohort",
                 "--out", str(session_file)]) == 0
    session = read_session(session_file)
    game_scenario = scenario_of(session.scenario, "s")
    paths = []
    for strategy, player, team in PLAYERS:
        game = play_single(game_scenario, strategy, session.seed)
        paths.append(write_result(root / "results", result_from_game(session, game, player=player, team=team)))
    return session_file, paths


@pytest.fixture(scope="module")
def report_dir(session_and_results, tmp_path_factory):
    session_file, paths = session_and_results
    tampered = tmp_path_factory.mktemp("bad") / "tampered.json"
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    data["player"], data["score"]["total"] = "Cheater", 999
    tampered.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path_factory.mktemp("report")
    assert main(["report", *map(str, paths), str(tampered), "--session", str(session_file),
                 "--out", str(out)]) == 0
    return out


def scores(paths):
    return {json.loads(p.read_text(encoding="utf-8"))["player"]: json.loads(p.read_text())["score"]["total"]
            for p in paths}


def test_results_csv_has_one_row_per_game_with_parts_par_and_verification(session_and_results, report_dir):
    session_file, paths = session_and_results
    rows = list(csv.DictReader(io.StringIO((report_dir / "results.csv").read_text(encoding="utf-8"))))
    assert [r["player"] for r in rows] == [p for _, p, _ in PLAYERS] + ["Cheater"]
    par = json.loads(session_file.read_text())["par"]
    for r in rows:
        assert r["par_expert"] == str(par["expert"]["score"]) and r["par_oracle"] == str(par["oracle"]["score"])
        assert {"part_alignment", "part_coverage", "part_efficiency", "part_relationship", "part_outcome"} <= set(r)
    assert [r["verified"] for r in rows] == ["yes", "yes", "yes", "no"]
    assert "score" in rows[-1]["problems"]
    assert {r["player"]: int(r["score"]) for r in rows[:3]} == scores(paths)


def test_actions_csv_is_the_decision_history(session_and_results, report_dir):
    _, paths = session_and_results
    rows = list(csv.DictReader(io.StringIO((report_dir / "actions.csv").read_text(encoding="utf-8"))))
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        mine = [r for r in rows if r["player"] == data["player"]]
        assert len(mine) == sum(len(acts) for acts in data["rounds"])
        assert mine[0]["kind"] == data["rounds"][0][0]["kind"] and mine[0]["round"] == "1"


def test_page_ranks_verified_games_by_score_and_lists_the_rest(session_and_results, report_dir):
    _, paths = session_and_results
    page = (report_dir / "index.html").read_text(encoding="utf-8")
    board = page[page.index('id="leaderboard"'):page.index("</table>")]
    names = re.findall(r'<span class="player-name">(.*?)</span>', board)
    expected = sorted(scores(paths).items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    assert names == [n.replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;") for n, _ in expected]
    assert "Cheater" not in board and "Cheater" in page          # listed as unverified, not ranked
    assert "Tom O&#39;Neil &lt;b&gt;" in page and "<b>Tom" not in page    # player text is escaped
    assert "Thursday cohort" in page and page.count("<svg") == 3
    for section in ("scores", "members", "matrix", "advice", "turning-points"):
        assert f'id="{section}"' in page


def test_page_is_self_contained(report_dir):
    page = (report_dir / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and "<img" not in page
    outside_namespaces = re.sub(r'xmlns(:\w+)?="[^"]*"', "", page)
    assert not re.search(r"https?://", outside_namespaces)
    assert "@font-face" in page and "data:font/woff;base64," in page   # Korean names render anywhere


def test_korean_report(session_and_results, tmp_path):
    session_file, paths = session_and_results
    assert main(["report", *map(str, paths), "--session", str(session_file), "--out", str(tmp_path),
                 "--lang", "ko"]) == 0
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'lang="ko"' in page and "순위표" in page and "가장 흔한 실수" in page and "김민지" in page


@pytest.mark.parametrize("make, words", [
    (lambda tmp: ["--out", str(tmp / "file.txt")], "is a file"),
    (lambda tmp: ["--out", str(tmp / "r"), "--session", str(tmp / "missing.json")], "no such file"),
])
def test_report_bad_input_is_one_line(session_and_results, tmp_path, capsys, make, words):
    _, paths = session_and_results
    (tmp_path / "file.txt").write_text("x")
    assert main(["report", str(paths[0]), *make(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_report_with_no_readable_result(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text("{")
    assert main(["report", str(bad), "--out", str(tmp_path / "r")]) == 1
    assert "nothing to report" in capsys.readouterr().err


def test_csv_cells_never_run_as_spreadsheet_formulas(session_and_results, tmp_path):
    session_file, paths = session_and_results
    data = json.loads(paths[1].read_text(encoding="utf-8"))
    data["player"] = "=HYPERLINK(\"x\")"
    sneaky = tmp_path / "sneaky.json"
    sneaky.write_text(json.dumps(data), encoding="utf-8")
    assert main(["report", str(sneaky), "--session", str(session_file), "--out", str(tmp_path / "r")]) == 0
    text = (tmp_path / "r" / "results.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


#: what Chromium itself contacts with any page, even about:blank (updates, clock, sign-in)
BROWSER_OWN = ("clients2.google.com", "update.googleapis.com", "redirector.gvt1.com", "accounts.google.com",
               "edgedl.me.gvt1.com", "optimizationguide-pa.googleapis.com", "content-autofill.googleapis.com")


class TrapProxy:
    """A proxy that answers nothing and notes each request line: every request the page makes lands here."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.requests = []
        self.stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.sock.getsockname()[1]

    def _serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1.0)
            try:
                self.requests.append(conn.recv(300).split(b"\r\n")[0].decode("latin-1"))
            except OSError:
                self.requests.append("(no request line)")
            conn.close()

    def page_requests(self):
        """The request lines of the page: a connection closed or left idle without one is Chromium's
        speculative preconnect to the proxy (seen once in a CI run as ''), not a request of the page."""
        asked = [r for r in self.requests if r and r != "(no request line)"]
        return [r for r in asked if not any(host in r.split(" ")[1] for host in BROWSER_OWN if " " in r)]

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium_without_network(session_and_results, report_dir, tmp_path):
    from PIL import Image

    proxy = TrapProxy()
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--proxy-server=http://127.0.0.1:{proxy.port}", "--proxy-bypass-list=<-loopback>",
            "--window-size=1920,1080", f"--user-data-dir={tmp_path / 'profile'}"]
    url = (report_dir / "index.html").resolve().as_uri()
    try:
        shot = tmp_path / "report.png"
        run = subprocess.run(base + [f"--screenshot={shot}", url], capture_output=True, timeout=120)
        assert shot.exists(), run.stderr.decode(errors="replace")[-2000:]
        dom = subprocess.run(base + ["--dump-dom", url], capture_output=True, timeout=120).stdout.decode()
    finally:
        proxy.close()
    assert proxy.page_requests() == [], "the report page made network requests"
    image = Image.open(shot).convert("RGB")
    assert image.size == (1920, 1080)
    colors = image.getcolors(maxcolors=1 << 20)
    assert colors is not None and len(colors) > 50, "the screenshot is (nearly) blank"
    assert max(count for count, _ in colors) < 0.97 * 1920 * 1080
    for _, player, _ in PLAYERS:
        assert player.replace("<", "&lt;").replace(">", "&gt;") in dom
