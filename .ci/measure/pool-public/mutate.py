#!/usr/bin/env python3
"""Injects one bug per Put site per applicable rule into copies of the corpus
(/tmp/pool-public -> /tmp/pool-public-mutants/<rule>__<dir>__<line>/), runs the three pool rules
on each mutant and prints detected/missed per rule.   usage: python3 mutate.py"""
import json, os, re, shutil, subprocess, sys
SRC, OUT = "/tmp/pool-public", "/tmp/pool-public-mutants"
ALLOCLINT = os.environ.get("ALLOCLINT", ".build/release/alloclint")
# site: (dir, line, arg, class, deferred) ; class: buf (has Len), ptrslice, slice, ptr, iface
S = [
("9seconds__httransform",31,"rd","ptr",0),("CurtisNewbie__mini-redis",24,"b","ptrslice",0),
("DeedleFake__bog",20,"buf","buf",0),("SunHarvey__goNotes",28,"bytes","ptrslice",0),
("allen-shaw__log",22,"enc","ptr",0),("allen-shaw__log",37,"e","ptr",0),
("andcloudio__go-concurrency-exercises",31,"b","buf",0),("arsmn__ontest-server",26,"c","ptr",0),
("babiswas__Golang2020",25,"b","buf",0),("bokunodev__simple",19,"g","ptr",0),
("ccrzzu__study_go",27,"obj","ptrslice",0),("dongfanliang__golang-study",16,"b","buf",1),
("flycash__toy-web",12,"u","ptr",1),("gbrlsnchs__jwt",20,"hh","iface",21),
("go-chi__chi",41,"rctx","ptr",0),("guanw__go-practice",22,"v1","slice",0),
("guanw__go-practice",25,"v2","slice",0),("huangnauh__TiREST",20,"buf","buf",0),
("ibiscum__System-Programming-Essentials-with-Go",19,"buf","ptrslice",1),
("imoowi__golang_per_day",17,"b","slice",0),("json-iterator__go",32,"stream","ptr",0),
("json-iterator__go",44,"iter","ptr",0),("ksa75__otus_go",24,"builder","buf",1),
("kuhufu__cm",17,"msg","ptr",0),("liveball__gosrc",25,"b","slice",0),
("ndsky1003__crpc",25,"h","ptr",0),("ogen-go__ogen",20,"b","buf",0),("pzxy__step",20,"buf","buf",0),
("radityaharya__check",20,"buf","buf",0),("rs__zerolog",60,"e","ptr",0),("rs__zerolog",96,"dict","ptr",0),
("rs__zerolog",106,"dict","ptr",0),("sahib__misc",21,"writer","ptr",0),
("sathishvj__optimizing-go-programs",27,"s","buf",0),("sirupsen__logrus",22,"buf","buf",0),
("sodapanda__faketcp",27,"item","ptr",0),("ssvlabs__ssv",20,"h","iface",1),
("trim21__go-bencode",21,"buf","ptr",0),("trim21__go-phpserialize",21,"buf","ptr",0),
("uber-go__zap",28,"buf","ptr",0),("wyy-go__wgzip",31,"w","ptr",0),("xiilei__gproxy",29,"buf","slice",0),
("yangjuncode__yudp",13,"dataBuf","slice",0),("yyyear__YY",22,"b","buf",0),("zhangshp__gzip",25,"gz","ptr",0),
("zuiwuchang__reverse",16,"b","slice",0),
]
# unreset: (dir, line of the reset to delete, Put line in the original)
U = [("babiswas__Golang2020",19,25),("andcloudio__go-concurrency-exercises",23,31),
     ("dongfanliang__golang-study",15,16),("ksa75__otus_go",25,24),("ssvlabs__ssv",21,20),("gbrlsnchs__jwt",19,20)]
RULES = "pool-put-non-pointer,pool-unreset-put,pool-use-after-put"
OFF = "loop-closure,defer-in-loop,interface-param,interface-boxing-in-loop,slice-prealloc,map-prealloc,string-concat-in-loop,syntax-error"

def gofile(d): return [f for f in os.listdir(os.path.join(SRC, d)) if f.endswith(".go")][0]
def use(arg, cls):
    return {"buf": f"_ = {arg}.Len()", "ptrslice": f"_ = len(*{arg})", "slice": f"_ = {arg}[0]"}.get(cls, f"_ = {arg}")

def make(name, d, edit):
    dst = os.path.join(OUT, name); shutil.rmtree(dst, ignore_errors=True); shutil.copytree(os.path.join(SRC, d), dst)
    f = os.path.join(dst, gofile(d)); lines = open(f).read().split("\n"); edit(lines); open(f, "w").write("\n".join(lines))

def lint(path):
    r = subprocess.run(["nice", "-n", "15", ALLOCLINT, "--no-config", "--include-generated", "--format", "json",
                        "--disable", OFF, path], capture_output=True, text=True)
    return [(x["rule"] if "rule" in x else x.get("ruleId"), x["line"]) for x in json.loads(r.stdout)["findings"]]

manifest = []
shutil.rmtree(OUT, ignore_errors=True); os.makedirs(OUT)
for d, line, arg, cls, deferred in S:
    indent = lambda l: re.match(r"\s*", l).group(0)
    # use-after-put
    at = deferred if deferred > 1 else line
    if deferred:
        stmt = "go func() { " + use(arg, cls) + " }()"
    else:
        stmt = use(arg, cls)
    def e(lines, at=at, stmt=stmt): lines.insert(at, indent(lines[line - 1]) + stmt)
    name = f"uap__{d}__{line}"; make(name, d, e); manifest.append(("pool-use-after-put", name, at + 1, cls))
    # put-non-pointer
    if cls in ("buf", "ptr", "ptrslice"):
        def e(lines, arg=arg):
            l = lines[line - 1]
            new = re.sub(r"Put\(&?" + re.escape(arg) + r"\)", "Put(*" + arg + ")", l)
            assert new != l, (d, line, l); lines[line - 1] = new
        name = f"npp__{d}__{line}"; make(name, d, e); manifest.append(("pool-put-non-pointer", name, line, cls))
for d, reset, put in U:
    def e(lines, reset=reset):
        assert "eset()" in lines[reset - 1], lines[reset - 1]; del lines[reset - 1]
    name = f"unr__{d}__{put}"; make(name, d, e); manifest.append(("pool-unreset-put", name, put - 1 if reset < put else put, "-"))

results = {}
for rule, name, expect, cls in manifest:
    found = lint(os.path.join(OUT, name))
    hit = (rule, expect) in found
    others = [f for f in found if f != (rule, expect)]
    results.setdefault(rule, []).append((name, hit, cls, others))
    print(("HIT " if hit else "MISS"), rule, name, "expect line", expect, "cls", cls, "other:", others)
json.dump({"manifest": manifest}, open(os.path.join(OUT, "manifest.json"), "w"), indent=1)
for rule, rs in results.items():
    print(rule, sum(h for _, h, _, _ in rs), "/", len(rs))
