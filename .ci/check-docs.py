#!/usr/bin/env python3
"""Fails when a page of the docs points at something that is not there.

Checked in README.md, BENCHMARKS.md, RELIABILITY.md and docs/**/*.md (not CHANGELOG.md, which
names things as they were):
- relative Markdown links: the file exists, and a #fragment into a Markdown page is one of its
  headings;
- backticked repository paths (`spec/src/main/resources/openapi.yaml`, `service/.../RestoreRule.java`):
  the path exists in git (a `...` stands for any folders; paths under target/ are built, so they
  are not checked);
- backticked Java names (`CsbsClient`, `@CsbsStandIn`, `RawHttpTest.aKeptAliveConnection`),
  unbackticked test class names (`...Test`, `...IT`, `...Benchmark`) and CamelCase words in
  Mermaid diagrams: the type is declared in a tracked .java file, is a schema of the spec
  (generated models), or is one of the outside libraries' types listed below; a named member
  must occur in the type's file;
- commits named by their hash (7 to 12 hex digits, a digit and a letter among them) and
  branches cited as branch `name` exist (commits are not checked in a shallow clone);
- in every tracked text file, a section cited as BENCHMARKS.md, "Title" (or RELIABILITY.md,
  "Title"; comments too): the page has a heading that holds the title.
Run from anywhere: python3 .ci/check-docs.py. Exit code 1 lists every problem.
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Types of outside libraries and the JDK that the docs name; ours must be in the source tree.
OUTSIDE = set("""
AdditionalProperties AsyncTimeout Application BodyHandler HttpClient SpringBootTest CompletableFuture ContextResolver Duration Feature
HttpObjectDecoder HttpRequestDecoder HttpServerCodec
HttpServerExpectContinueHandler IdleStateHandler Integer List NonBlocking ObjectMapper
OkHttpClient EventListener Dns Path Provider ResourceConfig Router SameThreadIOStrategy String URI
""".split())

# The generated JAX-RS interface and Retrofit interface take their names from the spec's tag.
GENERATED = {"ResourcesApi"}


def tracked_files():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if (ROOT / line).exists()]


FILES = tracked_files()
TOP = {f.split("/", 1)[0] for f in FILES if "/" in f}
DECLARED = {}
for f in FILES:
    if f.endswith(".java"):
        text = (ROOT / f).read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"\b(?:class|interface|enum|record|@interface)\s+([A-Z]\w*)", text):
            DECLARED.setdefault(m.group(1), []).append(f)
SPEC = (ROOT / "spec/src/main/resources/openapi.yaml").read_text(encoding="utf-8")
SCHEMAS = set(re.findall(r"^    ([A-Z]\w*):\s*$", SPEC, re.M))


def slug(heading):
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def headings(page):
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    return {slug(h) for h in re.findall(r"^#+\s+(.*)$", text, re.M)}


def path_exists(p):
    p = p.rstrip("/")
    if "..." in p:
        pattern = re.escape(p).replace(re.escape("..."), ".*")
        return any(re.fullmatch(pattern, f) or re.match(pattern + "/", f) for f in FILES)
    return any(f == p or f.startswith(p + "/") for f in FILES)


def ignored(p):
    """A path git ignores (a fuzzer's working corpus, say) is made by a run, not kept."""
    return subprocess.run(["git", "check-ignore", "-q", p], cwd=ROOT).returncode == 0


def java_name_problem(token):
    m = re.fullmatch(r"@?([A-Z][A-Za-z0-9]*)((?:\.\w+)*)(?:\(.*\))?(?:<.*>)?(?:\s+\w+)?", token)
    if not m:
        return None
    name, members = m.group(1), m.group(2)
    if not re.search(r"[a-z]", name) or not re.search(r"[A-Z].*[a-z]|[a-z].*[A-Z]", name):
        return None  # APIG, CSBS, HV000001, words like Jersey
    if len(name) < 4 or not re.search(r"[a-z][A-Z]|^[A-Z]{2}", name):
        return None  # a capitalised word, not a Java name
    if name in OUTSIDE:
        return None
    if name in SCHEMAS or name in GENERATED or (name.startswith("New") and name[3:] in SCHEMAS):
        return None  # generated models, and the Go client's constructors of them
    if name not in DECLARED:
        return f"no type {name}"
    member = members.lstrip(".").split(".")[0] if members else ""
    if member and member[0].islower():
        texts = [(ROOT / f).read_text(encoding="utf-8") for f in DECLARED[name]]
        if not any(re.search(r"\b" + re.escape(member) + r"\b", t) for t in texts):
            return f"no member {member} in {name}"
    return None


def check(page):
    problems = []
    text = page.read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _, fragment = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists():
            problems.append(f"link to a missing file: {target}")
        elif fragment and dest.suffix == ".md" and fragment not in headings(dest):
            problems.append(f"link to a missing heading: {target}")
    for span in re.findall(r"`([^`\n]+)`", prose):
        for token in re.split(r"[,\s]+(?=\S)", span) if "/" in span else [span]:
            first = token.split("/", 1)[0]
            if "/" in token and first in TOP and not re.search(r"[<>{}*]|/target/|X\.Y\.Z", token):
                if " " not in token and not path_exists(token) and not ignored(token):
                    problems.append(f"missing path: {token}")
            elif re.fullmatch(r"[a-z]+/[A-Z]\w*", token):
                problem = java_name_problem(token.split("/")[1])  # a class named by its package
                if problem:
                    problems.append(f"`{token}`: {problem}")
        problem = java_name_problem(span.strip())
        if problem:
            problems.append(f"`{span}`: {problem}")
    for block in re.findall(r"^```mermaid\n(.*?)^```", text, flags=re.M | re.S):
        for name in set(re.findall(r"\b([A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)\b", block)):
            problem = java_name_problem(name)  # the pictures name classes too
            if problem:
                problems.append(f"diagram: {problem}")
    for name in set(re.findall(r"(?<![`.\w])([A-Z][a-z]\w*(?:Test|IT|Benchmark))\b", prose)):
        if name not in DECLARED and name not in OUTSIDE:
            problems.append(f"no test class {name}")
    return problems


def section_citations():
    problems = []
    pages = {name: [" ".join(h.lower().split()) for h in re.findall(r"^#+\s+(.*)$", (ROOT / name).read_text(encoding="utf-8"), re.M)]
             for name in ("BENCHMARKS.md", "RELIABILITY.md") if (ROOT / name).exists()}
    for f in FILES:
        if not re.search(r"\.(java|py|md|xml|ya?ml|mjs|sh|properties)$", f) or f in ("CHANGELOG.md", ".ci/check-docs.py"):
            continue
        text = (ROOT / f).read_text(encoding="utf-8", errors="replace")
        if "BENCHMARKS.md" not in text and "RELIABILITY.md" not in text:
            continue
        flat = re.sub(r"\s*\n\s*(?://+|\*|#)?\s*", " ", text)  # comments and prose rejoined
        for page, title in re.findall(r"(BENCHMARKS\.md|RELIABILITY\.md)[,:]?\s*\(?\s*\"([^\"]{3,80})\"", flat):
            wanted = " ".join(title.lower().split())
            if page in pages and not any(wanted in h for h in pages[page]):
                problems.append(f"{f}: cites {page}, \"{title}\", which has no such heading")
    return problems


def git_objects_missing(pages):
    """Commit hashes and branches the pages cite that this repository does not hold."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT,
                             capture_output=True, text=True).stdout.strip() == "true"
    cited = {}
    for page in pages:
        prose = page.read_text(encoding="utf-8")
        for h in re.findall(r"(?<![\w-])([0-9a-f]{7,12})(?![\w-])", prose):
            if re.search(r"[0-9]", h) and re.search(r"[a-f]", h) and not shallow:
                cited.setdefault(h + "^{commit}", page)
        for b in re.findall(r"branch `([^`]+)`", prose):
            cited.setdefault("refs/heads/" + b, page)
    if not cited:
        return []
    names = list(cited)
    out = subprocess.run(["git", "cat-file", "--batch-check"], cwd=ROOT, input="\n".join(names) + "\n",
                         capture_output=True, text=True).stdout.splitlines()
    return [f"{cited[n].relative_to(ROOT)}: no commit or branch {n.split('^')[0]}"
            for n, line in zip(names, out) if line.endswith("missing")]


def main():
    pages = [ROOT / "README.md", ROOT / "BENCHMARKS.md", ROOT / "RELIABILITY.md"]
    pages += sorted((ROOT / "docs").rglob("*.md"))
    failed = False
    for page in pages:
        if not page.exists():
            continue
        for problem in check(page):
            failed = True
            print(f"{page.relative_to(ROOT)}: {problem}")
    for problem in git_objects_missing(pages) + section_citations():
        failed = True
        print(problem)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
