"""Run the browser's search scripts (overrides/assets/javascripts/search/) under Node for the search tests."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts" / "search"

# Reads {"call": ..., ...} on stdin and prints the answer: the scripts load as the worker loads them.
_DRIVER = """
const dir = process.argv[1];
for (const name of ["snowball.js", "tokenize.js", "engine.js"]) require(dir + "/" + name);
let input = "";
process.stdin.on("data", d => input += d).on("end", async () => {
  const job = JSON.parse(input);
  let out;
  if (job.call === "stem") out = job.words.map(([algorithm, word]) => snowballStem(algorithm, word));
  else if (job.call === "queryTerms") { const t = createTokenizer(job.settings); out = job.texts.map(x => t.queryTerms(x)); }
  else if (job.call === "search") {  // job.files: the index's files by path, as the worker would fetch them
    const fetched = [];
    const load = async path => { fetched.push(path); if (!(path in job.files)) throw new Error(path); return job.files[path]; };
    const idx = searchEngine.prepare(job.files["index.json"], load);
    out = [];
    for (const q of job.queries) {
      fetched.length = 0;
      out.push({ ...(await searchEngine.search(idx, q, job.options || {})), fetched: [...fetched] });
    }
  }
  process.stdout.write(JSON.stringify(out));
});
"""


def node() -> str:
    found = shutil.which("node")
    if not found:
        raise RuntimeError("node is not installed: the search tests run the browser's search scripts under Node")
    return found


def run(job: dict) -> list:
    done = subprocess.run(
        [node(), "-e", _DRIVER, str(SCRIPTS)], input=json.dumps(job), capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
