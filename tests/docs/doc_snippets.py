#!/usr/bin/env python3
"""Keeps the documentation's code true: every fenced block that a marker ties to a file must be that file,
and the guide's shell blocks must run as written.

Markers are HTML comments on the line just before a fence:
  <!-- snippet: PATH -->  the block is the whole file PATH (relative to the source tree), byte for byte;
  <!-- run -->            a shell block run by `guide` in one bash session, in order. A command followed by
                          "# → TEXT" must print exactly TEXT, where "…" stands for anything.
  <!-- output: FIXTURE: COMMAND -->
                          the block is what COMMAND prints (stdout and stderr) when run by `outputs` in a
                          copy of the folder FIXTURE: each of its lines, in order, is a line printed ("…"
                          standing for anything), so a block may show a part of the output.
Usage:
  doc_snippets.py snippets SOURCE_DIR FILE.md...   check every snippet marker (and that each named doc has
                                                   no unmarked block when it is given with --strict)
  doc_snippets.py guide SOURCE_DIR BUILD_DIR DOC   run DOC's run blocks in a sandbox home, from a checkout
                                                   whose build/ is BUILD_DIR and with BUILD_DIR/bin on PATH
  doc_snippets.py outputs SOURCE_DIR BUILD_DIR FILE.md...
                                                   run every output marker's command and compare
  doc_snippets.py configs SOURCE_DIR BUILD_DIR FILE.md...
                                                   every xml block that is a configuration, or a part of one
                                                   (<hub>, <store>, <plugins>, <runtime>, <logging>,
                                                   <api>, <connector>, <job>, <code_tables>), must
                                                   pass `hub check-config` with the build's plugins
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

MARKER = re.compile(r"^<!--\s*(snippet:\s*(?P<path>\S+)|(?P<run>run)|output:\s*(?P<fixture>\S+):\s*(?P<command>.+?))\s*-->\s*$")
EXPECT = re.compile(r"^(?P<command>.*?)\s+# → (?P<expected>.*)$")


class Block:
    def __init__(self, doc, line, info, marker, text):
        self.doc, self.line, self.info, self.marker, self.text = doc, line, info, marker, text

    def where(self):
        return f"{self.doc}:{self.line}"


def blocks(doc):
    """The fenced blocks of `doc`, each with the marker on the line before its fence (or None)."""
    lines = open(doc, encoding="utf-8").read().split("\n")
    found, i = [], 0
    while i < len(lines):
        if lines[i].startswith("```"):
            info = lines[i][3:].strip()
            marker = MARKER.match(lines[i - 1]) if i > 0 else None
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            if i == len(lines):
                raise SystemExit(f"{doc}:{start + 1}: the block is not closed")
            found.append(Block(doc, start + 1, info, marker, "\n".join(body) + "\n"))
        i += 1
    return found


def check_snippets(source_dir, docs, strict):
    problems = []
    for doc in docs:
        for block in blocks(doc):
            if block.marker is None and block.info == "text":
                problems.append(f"{block.where()}: a text block shows what a command prints: tie it to the command "
                                "(<!-- output: FIXTURE: COMMAND -->)")
                continue
            if block.marker is None:
                if strict:
                    problems.append(f"{block.where()}: a block with no marker: tie it to a file the tests use "
                                    "(<!-- snippet: PATH -->) or to the guide run (<!-- run -->)")
                continue
            path = block.marker.group("path")
            if path is None:
                continue
            try:
                wanted = open(os.path.join(source_dir, path), encoding="utf-8").read()
            except OSError as error:
                problems.append(f"{block.where()}: snippet of {path}: {error.strerror}")
                continue
            if block.text != wanted:
                problems.append(f"{block.where()}: the block differs from {path}; copy the file into the doc")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def glob_match(pattern, text):
    return re.fullmatch(".*".join(re.escape(piece) for piece in pattern.split("…")), text) is not None


def shown_in(block_lines, printed_lines):
    """True when every shown line matches a printed line, in order."""
    printed = iter(printed_lines)
    return all(any(glob_match(shown, line) for line in printed) for shown in block_lines)


def sandbox(source_dir, build_dir, fixture, top):
    """A copy of `fixture` in `top` whose build/ is the build, as if it sat in a checkout."""
    work = os.path.join(top, "work")
    shutil.copytree(os.path.join(source_dir, fixture), work, symlinks=True)
    os.symlink(build_dir, os.path.join(work, "build"))
    env = {name: value for name, value in os.environ.items() if not name.startswith("HUB_")}
    env["PATH"] = os.path.join(build_dir, "bin") + os.pathsep + os.environ["PATH"]
    return work, env


def check_outputs(source_dir, build_dir, docs):
    problems = []
    for doc in docs:
        for block in blocks(doc):
            if block.marker is None or block.marker.group("fixture") is None:
                continue
            with tempfile.TemporaryDirectory(prefix="hub-doc-output.") as top:
                work, env = sandbox(source_dir, build_dir, block.marker.group("fixture"), top)
                result = subprocess.run(["bash", "-c", block.marker.group("command")], cwd=work, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            printed = result.stdout.rstrip("\n").split("\n")
            shown = block.text.rstrip("\n").split("\n")
            if not shown_in(shown, printed):
                problems.append(f"{block.where()}: the block is not what `{block.marker.group('command')}` prints "
                                "in " + block.marker.group("fixture") + "; it printed:\n" + result.stdout)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def guide_script(doc):
    """The bash script that runs `doc`'s run blocks, each expectation checked where it is written."""
    script = ["set -euo pipefail",
              "expect() { if [[ \"$2\" != $3 ]]; then printf '%s: printed\\n%s\\nexpected\\n%s\\n' \"$1\" \"$2\" \"$4\" >&2; exit 1; fi; }"]
    for block in blocks(doc):
        if block.marker is None or not block.marker.group("run"):
            continue
        for offset, line in enumerate(block.text.rstrip("\n").split("\n"), start=1):
            where = f"{block.doc}:{block.line + offset}"
            script.append(f"echo {shlex.quote('+ ' + line)}")
            match = EXPECT.match(line)
            if match is None:
                script.append(line)
                continue
            expected = match.group("expected")
            pattern = "*".join(shlex.quote(piece) for piece in expected.split("…"))
            script.append(f"out=$({match.group('command')})")
            script.append("echo \"$out\"")
            script.append(f"expect {shlex.quote(where)} \"$out\" {pattern} {shlex.quote(expected)}")
    return "\n".join(script) + "\n"


def run_guide(source_dir, build_dir, doc):
    with tempfile.TemporaryDirectory(prefix="hub-doc-guide.") as home:
        checkout = os.path.join(home, "hub")
        os.mkdir(checkout)
        for entry in os.listdir(source_dir):
            if entry != "build":
                os.symlink(os.path.join(source_dir, entry), os.path.join(checkout, entry))
        os.symlink(build_dir, os.path.join(checkout, "build"))
        env = dict(os.environ, HOME=home, PATH=os.path.join(build_dir, "bin") + os.pathsep + os.environ["PATH"])
        env.pop("HUB_BUILD_DIR", None)
        result = subprocess.run(["bash", "-c", guide_script(doc)], cwd=checkout, env=env)
        return result.returncode


# A part of a configuration, completed into a whole file the way its own section describes it.
CONFIG_FRAME = """<hub>
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="../build/plugins"/>
  {store}<connectors>{connectors}</connectors>
  <jobs>{jobs}</jobs>
  <code_tables>{code_tables}</code_tables>
</hub>
"""


def complete_config(block_text, root):
    """`block_text` as a whole configuration file: a <hub> as is, a part of one framed with what it names."""
    if root.tag == "hub":
        return block_text
    parts = {"store": "", "connectors": "", "jobs": "", "code_tables": ""}
    if root.tag == "store":
        return CONFIG_FRAME.replace("<store><connection>Driver=SQLite3;Database=hub.db</connection></store>\n  ",
                                    "").format(store=block_text, connectors="", jobs="", code_tables="")
    if root.tag == "connector":
        parts["connectors"] = block_text
    elif root.tag == "job":
        parts["jobs"] = block_text
        if root.get("connector"):  # a customer-care or match job has none: it runs over the store
            parts["connectors"] = (f'<connector name="{root.get("connector")}" plugin="file">'
                                   "<path>any.csv</path></connector>")
        tables = {field.get("lookup") for field in root.iter("field") if field.get("lookup")}
        parts["code_tables"] = "".join(f'<table name="{name}"><entry code="x" value="CN"/></table>'
                                       for name in sorted(tables))
    elif root.tag in ("plugins", "runtime", "logging", "api", "leads"):
        frame = CONFIG_FRAME
        if root.tag == "plugins":
            frame = frame.replace('  <plugins dir="../build/plugins"/>\n', "")
        return frame.format(store=block_text.strip() + "\n  ", connectors="", jobs="", code_tables="")
    elif root.tag == "code_tables":
        return CONFIG_FRAME.replace("<code_tables>{code_tables}</code_tables>", block_text).format(
            store="", connectors="", jobs="", code_tables="")
    else:
        return None
    return CONFIG_FRAME.format(**parts)


def check_configs(source_dir, build_dir, docs):
    problems = []
    hub = os.path.join(build_dir, "bin", "hub")
    for doc in docs:
        for block in blocks(doc):
            if block.info != "xml":
                continue
            try:
                # Several sibling connectors make one block too: read them as one <connectors>.
                body = re.sub(r"^<\?xml[^>]*\?>", "", block.text.lstrip())
                fragment = ElementTree.fromstring("<fragment>" + body + "</fragment>")
            except ElementTree.ParseError as error:
                problems.append(f"{block.where()}: not well-formed XML: {error}")
                continue
            children = list(fragment)
            if not children:
                continue
            root = children[0]
            if len(children) > 1 and all(child.tag == "connector" for child in children):
                root = ElementTree.Element("connector")
            elif len(children) > 1:
                problems.append(f"{block.where()}: several elements in one block: show one part of a configuration")
                continue
            text = complete_config(block.text, root)
            if text is None:
                continue
            with tempfile.TemporaryDirectory(prefix="hub-doc-config.") as top:
                os.symlink(build_dir, os.path.join(top, "build"))
                config_dir = os.path.join(top, "config")
                os.mkdir(config_dir)
                # What the block refers to on disk, made: secret files, TLS files, plugin folders.
                files = re.findall(r"\$\{file:([^}]+)\}", text) + re.findall(r'(?:certificate|key)="([^"$]+)"', text)
                for name in files:
                    path = os.path.join(config_dir, name)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    open(path, "w").write("secret\n")
                # Folders too, which the connectors read when configured (`hub check-config` configures them).
                folders = (re.findall(r'<plugins dir="([^"]+)"', text) + re.findall(r"<dir>([^<]+)</dir>", text) +
                           re.findall(r"<mail_templates>([^<]+)</mail_templates>", text))
                for name in folders:
                    if not os.path.isabs(name):
                        os.makedirs(os.path.join(config_dir, name), exist_ok=True)
                env = dict(os.environ)
                for name in re.findall(r"\$\{env:([^}]+)\}", text):
                    env.setdefault(name, "secret")
                config = os.path.join(config_dir, "hub.xml")
                open(config, "w", encoding="utf-8").write(text)
                result = subprocess.run([hub, "check-config", "--config", config], env=env, capture_output=True,
                                        text=True)
                if result.returncode != 0 or result.stdout.strip() != "ok":
                    said = (result.stderr or result.stdout).strip().replace(config, "<block>")
                    problems.append(f"{block.where()}: `hub check-config` refuses this block: {said}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "snippets":
        strict = "--strict" in argv
        return check_snippets(argv[2], [a for a in argv[3:] if a != "--strict"], strict)
    if len(argv) >= 4 and argv[1] == "outputs":
        return check_outputs(argv[2], argv[3], argv[4:])
    if len(argv) >= 4 and argv[1] == "configs":
        return check_configs(argv[2], argv[3], argv[4:])
    if len(argv) == 5 and argv[1] == "guide":
        return run_guide(argv[2], argv[3], argv[4])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
