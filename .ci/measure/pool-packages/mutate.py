#!/usr/bin/env python3
"""Recall by mutation on the whole-package corpus /tmp/pool-pkg.
One injected bug per sync.Pool Put site and applicable rule, each in its own copy of the package
(/tmp/pool-pkg-mutants/<rule>__<dir>__<line>/). Every mutant must parse (gofmt -e).
usage: python3 mutate.py  (writes /tmp/pool-pkg-mutants/results.json, prints HIT/MISS lines)"""
import json, os, re, shutil, subprocess, sys

SRC, OUT = "/tmp/pool-pkg", "/tmp/pool-pkg-mutants"
BIN = os.environ.get("ALLOCLINT", "/work/bin/alloclint-7385cfe")
OFF = ("loop-closure,defer-in-loop,interface-param,interface-boxing-in-loop,slice-prealloc,"
       "map-prealloc,string-concat-in-loop,syntax-error")

# (dir, file, line of the Put, use expression read after the Put, non-pointer Put argument or None,
#  deferred Put?)   Every Put whose receiver is a sync.Pool (checked by reading).
S = [
    ("DeedleFake__bog", "bufpool.go", 20, "buf.Len()", "*buf", 0),
    ("allen-shaw__log", "encoder_pool.go", 22, "enc.spaced", "*enc", 0),
    ("allen-shaw__log", "encoder_pool.go", 37, "len(e.elems)", "*e", 0),
    ("arsmn__ontest-server", "pool.go", 26, "c.statusCode", "*c", 0),
    ("bokunodev__simple", "gzip.go", 19, "g.Name", "*g", 0),
    ("buraksezer__olric", "bufpool.go", 24, "b.Len()", "*b", 0),
    ("corvax__slogtfmt", "bufpool.go", 26, "len(*b)", "*b", 0),
    ("dongfanliang__golang-study", "sysc_pool.go", 16, "b.Len()", "*b", 1),
    ("dotwaffle__ninep", "bufpool.go", 44, "b.Len()", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 85, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 88, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 91, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 94, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 142, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 145, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 148, "len(*b)", "*b", 0),
    ("dotwaffle__ninep", "bufpool.go", 151, "len(*b)", "*b", 0),
    ("guanw__go-practice", "syncPoolTest.go", 22, "v1[0]", None, 0),
    ("guanw__go-practice", "syncPoolTest.go", 25, "v2[0]", None, 0),
    ("ibiscum__System-Programming-Essentials-with-Go", "main.go", 19, "len(*buf)", "*buf", 1),
    ("imgproxy__imgproxy", "svg.go", 34, "buf.Len()", "*buf", 0),
    ("imoowi__golang_per_day", "main.go", 17, "b[0]", None, 0),
    ("jacobcase__gotail", "bufpool.go", 18, "len(*b)", "*b", 0),
    ("jsign__bufpool", "bufpool.go", 46, "st.off", "*st", 1),
    ("jsign__bufpool", "bufpool.go", 58, "s.off", "*s", 1),
    ("ksa75__otus_go", "syncpool.go", 24, "builder.Len()", "*builder", 1),
    ("kuhufu__cm", "pool.go", 17, "msg.body", "*msg", 0),
    ("liveball__gosrc", "main.go", 25, "b[0]", None, 0),
    ("mccutchen__urlresolver", "bufferpool.go", 29, "buf.Len()", "*buf", 0),
    ("mengdu__mo", "main.go", 45, "buf.Len()", "*buf", 1),
    ("mocheryl__slog-syslog", "bufpool.go", 20, "len(*b)", "*b", 0),
    ("ndsky1003__crpc", "pool.go", 27, "h.Seq", "*h", 0),
    ("nilium__rdx", "bufpool.go", 40, "b.tmp", "*b", 0),
    ("ntk148v__testing", "main.go", 18, "s.Len()", "*s", 0),
    ("ntk148v__testing", "main.go", 24, "s.Len()", "*s", 0),
    ("ntk148v__testing", "main.go", 27, "s.Len()", "*s", 1),
    ("sahib__misc", "main.go", 21, "writer.Name", "*writer", 0),
    ("ssvlabs__ssv", "hash.go", 20, "h.Size()", None, 1),
    ("teivah__100-go-mistakes", "main.go", 17, "buffer[0]", None, 1),
    ("thehxdev__gosocks", "bufpool.go", 32, "b[0]", None, 0),
    ("uber-go__zap", "pool.go", 25, "buf.Len()", "*buf", 0),
    ("wyy-go__wgzip", "pool.go", 31, "w.Name", "*w", 0),
    ("xilu0__uml", "http.go", 18, "len(*bufPtr)", "*bufPtr", 1),
    ("zhangshp__gzip", "pool.go", 25, "gz.Name", "*gz", 0),
    ("zuiwuchang__reverse", "bytes.go", 16, "b[0]", None, 0),
    ("zuiwuchang__reverse", "pool.go", 49, "b[0]", None, 0),
]
# unreset: (dir, file, line of the reset to delete, Put line in the original). Only sites with a Get,
# a SPEC write (Write*/append/index or field assignment), a reset and a Put in one function.
U = [
    ("dongfanliang__golang-study", "sysc_pool.go", 15, 16),
    ("ntk148v__testing", "main.go", 23, 24),
    ("ssvlabs__ssv", "hash.go", 21, 20),
    ("ksa75__otus_go", "syncpool.go", 25, 24),
    ("imgproxy__imgproxy", "svg.go", 31, 34),
]


def lint(path):
    r = subprocess.run(["nice", "-n", "19", BIN, "--no-config", "--include-generated", "--format", "json",
                        "--disable", OFF, path], capture_output=True, text=True)
    d = json.loads(r.stdout)
    return [(x.get("rule"), os.path.basename(x["path"]), x["line"]) for x in d["findings"]], d["errors"]


def make(name, d, f, edit):
    dst = os.path.join(OUT, name)
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(os.path.join(SRC, d), dst)
    p = os.path.join(dst, f)
    lines = open(p).read().split("\n")
    edit(lines)
    open(p, "w").write("\n".join(lines))
    g = subprocess.run(["gofmt", "-e", "-l", p], capture_output=True, text=True)
    if g.returncode != 0 or g.stderr:
        print("PARSE-FAIL", name, g.stderr.strip())
        return False
    return True


def indent(l):
    return re.match(r"\s*", l).group(0)


manifest = []
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
for d, f, line, use, npp, deferred in S:
    # pool-use-after-put: a read right after the Put; for a deferred Put, a goroutine reading it
    stmt = ("go func() { _ = %s }()" % use) if deferred else ("_ = %s" % use)

    def e(lines, line=line, stmt=stmt):
        lines.insert(line, indent(lines[line - 1]) + stmt)
    name = "uap__%s__%d" % (d, line)
    if make(name, d, f, e):
        manifest.append(("pool-use-after-put", name, d, f, line + 1))
    # pool-put-non-pointer: Put(x) of a pointer becomes Put(*x); Put(&b) becomes Put(b)
    if npp:
        def e(lines, line=line, npp=npp):
            l = lines[line - 1]
            new = re.sub(r"\.Put\((&?[A-Za-z_][A-Za-z0-9_]*)\)", ".Put(%s)" % npp, l, count=1)
            assert new != l, (d, line, l)
            lines[line - 1] = new
        name = "npp__%s__%d" % (d, line)
        if make(name, d, f, e):
            manifest.append(("pool-put-non-pointer", name, d, f, line))
for d, f, reset, put in U:
    def e(lines, reset=reset):
        assert "Reset()" in lines[reset - 1], lines[reset - 1]
        del lines[reset - 1]
    name = "unr__%s__%d" % (d, put)
    if make(name, d, f, e):
        manifest.append(("pool-unreset-put", name, d, f, put - 1 if reset < put else put))

base = {}
results = []
for rule, name, d, f, expect in manifest:
    if d not in base:
        base[d] = lint(os.path.join(SRC, d))[0]
    found, errs = lint(os.path.join(OUT, name))
    hit = (rule, f, expect) in found
    extra = len([x for x in found if x != (rule, f, expect)]) - len(base[d])
    results.append({"rule": rule, "mutant": name, "file": f, "expect_line": expect, "hit": hit,
                    "findings": found, "extra_vs_original": extra, "errors": errs})
    print("HIT " if hit else "MISS", rule, name, "line", expect, "extra", extra, found if not hit or extra else "")
json.dump(results, open(os.path.join(OUT, "results.json"), "w"), indent=1)
print()
for rule in ("pool-put-non-pointer", "pool-unreset-put", "pool-use-after-put"):
    rs = [r for r in results if r["rule"] == rule]
    print(rule, sum(r["hit"] for r in rs), "/", len(rs))
