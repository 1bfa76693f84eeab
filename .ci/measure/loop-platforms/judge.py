#!/usr/bin/env python3
"""Judge the loop-closure or defer-in-loop findings that confirm-with-compiler reported as
"not compiled". The evidence is the compiler's -m output for loop-closure (`func literal
escapes to heap`) and its -d=defer output for defer-in-loop (`heap-allocated defer`).

Reads the confirm-with-compiler --json output given as argument, and for every not-compiled
finding of the rule:
  1. finds a platform (GOOS/GOARCH, plus -race or GOEXPERIMENT=boringcrypto when the file's
     build tags ask for it) under which `go list` puts the file in the package's
     GoFiles/CgoFiles/TestGoFiles/XTestGoFiles (cmd/... packages are listed and built from
     GOROOT/src, where the `cmd` module lives); files under testdata/ or tagged
     `//go:build ignore` are standalone programs and are copied to a temp dir and built as a
     file list;
  2. compiles each (package, platform) group once with -gcflags='IMPORTPATH=FLAG'
     (`go build` when the group has no _test.go finding, `go test -c` otherwise; the
     pattern also applies to the package's internal and external test packages);
  3. calls a finding confirmed only when the output has the evidence for that file and line
     (whether the column matches too is reported as well); otherwise unconfirmed, with what
     the compiler said at that line (`func literal does not escape`, `open-coded defer`, …).
Writes judge.json and judge.log in the current directory (the Go build cache goes to
./cache, so nothing is written under GOROOT) and prints a summary.

Usage (from any work directory): nice -n 19 python3 /path/to/judge.py RULE std.json
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import OrderedDict, defaultdict

# Per rule: the compiler flag and the message that confirms a finding.
EVIDENCE_BY_RULE = {
    'loop-closure': ('-m', 'func literal escapes to heap'),
    'defer-in-loop': ('-d=defer', 'heap-allocated defer'),
}
if len(sys.argv) != 3 or sys.argv[1] not in EVIDENCE_BY_RULE:
    sys.exit('usage: judge.py loop-closure|defer-in-loop CONFIRM-WITH-COMPILER.json')
RULE = sys.argv[1]
FLAG, EVIDENCE = EVIDENCE_BY_RULE[RULE]

# Outputs (and the Go build cache) go to the current directory.
HERE = os.getcwd()
SRC = os.path.realpath('/usr/share/go-1.19/src')
GOROOT = os.path.realpath(subprocess.run(['go', 'env', 'GOROOT'], capture_output=True,
                                         text=True, check=True).stdout.strip())
GOCACHE = os.path.join(HERE, 'cache')

# Candidate platforms, tried in this order; the first one whose `go list` includes the file wins.
# (name, extra environment, extra go flags)
PLATFORMS = [
    ('linux/amd64', {'GOOS': 'linux', 'GOARCH': 'amd64'}, []),
    ('windows/amd64', {'GOOS': 'windows', 'GOARCH': 'amd64'}, []),
    ('darwin/amd64', {'GOOS': 'darwin', 'GOARCH': 'amd64'}, []),
    ('ios/arm64', {'GOOS': 'ios', 'GOARCH': 'arm64'}, []),
    ('freebsd/amd64', {'GOOS': 'freebsd', 'GOARCH': 'amd64'}, []),
    ('linux/s390x', {'GOOS': 'linux', 'GOARCH': 's390x'}, []),
    ('js/wasm', {'GOOS': 'js', 'GOARCH': 'wasm'}, []),
    ('plan9/amd64', {'GOOS': 'plan9', 'GOARCH': 'amd64'}, []),
    ('linux/amd64 -race', {'GOOS': 'linux', 'GOARCH': 'amd64', 'CGO_ENABLED': '1'}, ['-race']),
    ('linux/amd64 GOEXPERIMENT=boringcrypto',
     {'GOOS': 'linux', 'GOARCH': 'amd64', 'CGO_ENABLED': '1', 'GOEXPERIMENT': 'boringcrypto'}, []),
]
DIAG = re.compile(r'^(\S[^\t]*?):(\d+):(\d+): (.*)$')

log = open(os.path.join(HERE, 'judge.log'), 'w')


def env_for(extra):
    env = dict(os.environ, GOCACHE=GOCACHE, GOFLAGS='')
    env.update(extra)
    return env


def run(cmd, cwd, extra):
    pretty = ' '.join('%s=%s' % kv for kv in extra.items()) + ' nice -n 19 ' + ' '.join(
        "'%s'" % a if ('=' in a and a.startswith('-gcflags')) else a for a in cmd)
    print('$ (cd %s &&%s)' % (cwd, pretty), file=log, flush=True)
    p = subprocess.run(['nice', '-n', '19'] + cmd, cwd=cwd, env=env_for(extra),
                       capture_output=True, text=True, errors='replace')
    out = p.stdout + p.stderr
    print(out, file=log, flush=True)
    print('[exit %d]' % p.returncode, file=log, flush=True)
    return p.returncode, out, pretty.strip()


def listed(pkg, plat):
    name, extra, flags = plat
    fmt = '{{range .GoFiles}}{{.}}\n{{end}}{{range .CgoFiles}}{{.}}\n{{end}}' \
          '{{range .TestGoFiles}}{{.}}\n{{end}}{{range .XTestGoFiles}}{{.}}\n{{end}}'
    p = subprocess.run(['nice', '-n', '19', 'go', 'list', '-e'] + flags + ['-f', fmt, pkg],
                       cwd=SRC, env=env_for(extra), capture_output=True, text=True)
    return set(p.stdout.split())


def standalone_reason(path):
    rel = os.path.relpath(path, SRC)
    if '/testdata/' in '/' + rel:
        return 'testdata'
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            if line.startswith('package '):
                break
            if line.startswith('//go:build') and re.search(r'\bignore\b', line):
                return '//go:build ignore'
    return None


def parse(out, cwd):
    """(realpath, line) -> list of (col, message)."""
    said = defaultdict(list)
    for line in out.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        p = m.group(1)
        p = GOROOT + p[7:] if p.startswith('$GOROOT/') else p
        p = os.path.realpath(os.path.join(cwd, p))
        said[(p, int(m.group(2)))].append((int(m.group(3)), m.group(4)))
    return said


def main():
    data = json.load(open(sys.argv[2]))
    rows = [dict(r) for r in data['not_compiled'] if r['rule'] == RULE]
    for r in rows:
        r['path'] = os.path.realpath(os.path.join(SRC, r['file']))
    # 1. classify: a platform for each file
    file_plat = {}
    for path in OrderedDict((r['path'], 1) for r in rows):
        why = standalone_reason(path)
        if why:
            file_plat[path] = ('standalone', why)
            continue
        pkg = os.path.relpath(os.path.dirname(path), SRC)
        for plat in PLATFORMS:
            if os.path.basename(path) in listed(pkg, plat):
                file_plat[path] = ('package', plat)
                break
        else:
            file_plat[path] = ('none', 'in no candidate platform\'s go list')
    # 2. group and compile
    groups = OrderedDict()
    for r in rows:
        kind, what = file_plat[r['path']]
        if kind == 'package':
            key = ('package', os.path.relpath(os.path.dirname(r['path']), SRC), what[0])
        elif kind == 'standalone':
            key = ('standalone', os.path.dirname(r['path']), what)
        else:
            key = ('none', r['path'], what)
        groups.setdefault(key, []).append(r)
    results, commands = [], []
    for key, grp in groups.items():
        kind = key[0]
        said, cmdtxt, rc = {}, None, None
        if kind == 'package':
            pkg, pname = key[1], key[2]
            plat = next(p for p in PLATFORMS if p[0] == pname)
            test = any(r['path'].endswith('_test.go') for r in grp)
            cmd = (['go', 'test', '-c', '-vet=off', '-o', '/dev/null'] if test
                   else ['go', 'build', '-o', '/dev/null']) + plat[2] + \
                ['-gcflags=%s=%s' % (pkg, FLAG), pkg]
            rc, out, cmdtxt = run(cmd, SRC, plat[1])
            cmdtxt = 'cd $GOROOT/src && ' + cmdtxt
            said = parse(out, SRC)
        elif kind == 'standalone':
            # copy the directory's .go files (the program is the file list) to a temp dir
            d, why = key[1], key[2]
            tmp = tempfile.mkdtemp(prefix='judge-standalone.')
            names = sorted(set(os.path.basename(r['path']) for r in grp))
            if os.path.basename(d) == 'gen' and why == '//go:build ignore':
                names = sorted(n for n in os.listdir(d) if n.endswith('.go'))  # go run *.go
            for n in names:
                shutil.copy(os.path.join(d, n), tmp)
            cmd = ['go', 'build', '-o', '/dev/null', '-gcflags=' + FLAG] + names
            rc, out, cmdtxt = run(cmd, tmp, {'GO111MODULE': 'on'})
            cmdtxt = 'cp $GOROOT/src/%s/{%s} TMP && cd TMP && %s' % (
                os.path.relpath(d, SRC), ','.join(names), cmdtxt)
            raw = parse(out, tmp)
            said = {(os.path.join(d, os.path.basename(p)), l): v for (p, l), v in raw.items()}
            shutil.rmtree(tmp, ignore_errors=True)
            if rc != 0:
                # A copy outside GOROOT cannot resolve imports that only the enclosing module
                # (e.g. cmd's vendor/) provides: build the same file list in place instead.
                # -o /dev/null and GOCACHE outside GOROOT: nothing is written under GOROOT.
                commands.append({'group': list(key), 'command': cmdtxt, 'exit': rc,
                                 'findings': len(grp), 'note': 'temp copy failed: ' +
                                 ' | '.join(l for l in out.splitlines() if 'go.mod' in l)[:300]})
                rc, out, cmdtxt = run(cmd, d, {})
                cmdtxt = 'cd $GOROOT/src/%s && %s' % (os.path.relpath(d, SRC), cmdtxt)
                said = parse(out, d)
        if cmdtxt:
            commands.append({'group': list(key), 'command': cmdtxt, 'exit': rc,
                             'findings': len(grp)})
        files_seen = {p for p, _ in said}
        for r in grp:
            res = {'file': r['file'], 'line': r['line'], 'column': r['column'],
                   'group': list(key)}
            if kind == 'none':
                res.update(status='not-compilable', evidence=key[2])
            elif rc != 0 and r['path'] not in files_seen:
                res.update(status='not-compilable',
                           evidence='build failed (exit %d), no %s output for the file'
                           % (rc, FLAG))
            elif r['path'] not in files_seen:
                # A file with a defer statement that is compiled with -d=defer always gets a
                # line for it; no line at all means the flag did not apply to this file.
                res.update(status='not-compilable', evidence='no %s output at all for this '
                           'file (flag not applied or file not compiled)' % FLAG)
            else:
                msgs = said.get((r['path'], r['line']), [])
                hit = [c for c, m in msgs if m == EVIDENCE]
                if hit:
                    res.update(status='confirmed', column_match=r['column'] in hit,
                               evidence='%s at col %s' % (EVIDENCE,
                                                          ','.join(map(str, sorted(set(hit))))))
                else:
                    res.update(status='unconfirmed', evidence='; '.join(
                        '%d: %s' % cm for cm in sorted(set(msgs))) or 'nothing at this line')
            results.append(res)
    count = defaultdict(int)
    for r in results:
        count[r['status']] += 1
    summary = {
        'not_compiled_findings': len(rows),
        'compiled_elsewhere_or_standalone': len(rows) - count['not-compilable'],
        'compiled_linux_amd64_pkg_not_in_std_pattern': sum(
            1 for r in results if r['group'][0] == 'package' and r['group'][2] == 'linux/amd64'
            and r['status'] != 'not-compilable'),
        'compiled_other_platform': sum(
            1 for r in results if r['group'][0] == 'package' and r['group'][2] != 'linux/amd64'
            and r['status'] != 'not-compilable'),
        'compiled_standalone': sum(1 for r in results if r['group'][0] == 'standalone'
                                   and r['status'] != 'not-compilable'),
        'confirmed': count['confirmed'], 'unconfirmed': count['unconfirmed'],
        'not_compilable': count['not-compilable'],
        'confirmed_column_mismatch': sum(1 for r in results if r.get('column_match') is False),
    }
    json.dump({'summary': summary, 'commands': commands, 'results': results},
              open(os.path.join(HERE, 'judge.json'), 'w'), indent=2)
    print(json.dumps(summary, indent=2))
    for c in commands:
        print('cmd [exit %s, %d findings]: %s' % (c['exit'], c['findings'], c['command']))
    for r in results:
        print('%s %s:%d:%d [%s] %s' % (r['status'], r['file'], r['line'], r['column'],
                                       ' '.join(r['group'][1:]), r['evidence']))


if __name__ == '__main__':
    main()
