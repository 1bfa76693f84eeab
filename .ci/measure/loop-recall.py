#!/usr/bin/env python3
"""loop-recall: recall of loop-closure and defer-in-loop against the Go compiler on a module.

Builds the module with `-gcflags='-m -d=defer'` in a fresh GOCACHE and takes as the truth:
  - loop-closure: every "func literal escapes to heap" whose literal is in a loop body of its own
    function and captures a local variable (decided by ./loopsites with go/parser);
  - defer-in-loop: every "heap-allocated defer".
A site is found when the SARIF has a finding of that rule on its line. Precision is measured by
/work/shared/tools/confirm-with-compiler; this script only adds the misses it cannot decide.

Run (GOROOT as for the build, e.g. a GOROOT copy whose src/cmd is the corpus):
  .ci/measure/loop-recall.py --module DIR --sarif FILE [--tests]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import unquote, urlparse

DIAG = re.compile(r'^(\S[^\t]*?):(\d+):(\d+): (.*)$')
HERE = os.path.dirname(os.path.realpath(__file__))


def compiler_sites(module, tests):
    """(escaping literal sites, heap defer sites) as sets of (realpath, line, col)."""
    cache = tempfile.mkdtemp(prefix='loop-recall.')
    try:
        env = dict(os.environ, GOCACHE=cache)
        gocmd = (['go', 'test', '-vet=off', '-count=1', '-run=^$', '-exec=true'] if tests
                 else ['go', 'build'])
        run = subprocess.run(gocmd + ['-gcflags=-m -d=defer', './...'], cwd=module, env=env,
                             capture_output=True, text=True, errors='replace')
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    goroot = subprocess.run(['go', 'env', 'GOROOT'], capture_output=True, text=True).stdout.strip()
    literals, defers = set(), set()
    for text in (run.stdout + run.stderr).splitlines():
        match = DIAG.match(text)
        if not match:
            continue
        path, line, col, message = match.groups()
        if path.startswith('$GOROOT/'):
            path = goroot + path[len('$GOROOT'):]
        site = (os.path.realpath(os.path.join(module, path)), int(line), int(col))
        if message == 'func literal escapes to heap':
            literals.add(site)
        elif message.endswith('heap-allocated defer'):
            defers.add(site)
    return literals, defers


def loop_closure_truth(literals):
    """The escaping literals that are in a loop and capture a variable."""
    text = ''.join('%s:%d:%d\n' % site for site in sorted(literals))
    out = subprocess.run(['go', 'run', './loopsites'], cwd=HERE, input=text, capture_output=True,
                         text=True, check=True, env=dict(os.environ, GO111MODULE='off')).stdout
    truth = set()
    for row in out.splitlines():
        site, in_loop, captures = row.rsplit(' ', 2)
        if in_loop == '1' and captures == '1':
            path, line, col = site.rsplit(':', 2)
            truth.add((path, int(line), int(col)))
    return truth


def findings(sarif, rule):
    """(realpath, line) of the SARIF results of `rule`."""
    doc = json.load(open(sarif, encoding='utf-8'))
    lines = set()
    for run in doc['runs']:
        bases = run.get('originalUriBaseIds', {})
        for result in run['results']:
            if result['ruleId'] != rule:
                continue
            location = result['locations'][0]['physicalLocation']
            artifact = location['artifactLocation']
            base = bases.get(artifact.get('uriBaseId'), {}).get('uri', 'file://' + os.getcwd() + '/')
            uri = urlparse(artifact['uri'])
            path = (unquote(uri.path) if uri.scheme == 'file'
                    else os.path.join(unquote(urlparse(base).path), unquote(artifact['uri'])))
            lines.add((os.path.realpath(path), location['region']['startLine']))
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--module', required=True)
    parser.add_argument('--sarif', required=True)
    parser.add_argument('--tests', action='store_true', help='also compile _test.go files')
    args = parser.parse_args()
    module = os.path.realpath(args.module)
    literals, defers = compiler_sites(module, args.tests)
    inside = lambda site: site[0].startswith(module + os.sep) and os.sep + 'vendor' + os.sep not in site[0]
    truths = {'loop-closure': loop_closure_truth({s for s in literals if inside(s)}),
              'defer-in-loop': {s for s in defers if inside(s)}}
    for rule, truth in truths.items():
        found = findings(args.sarif, rule)
        missed = sorted(s for s in truth if (s[0], s[1]) not in found)
        hit = len(truth) - len(missed)
        percent = 100.0 * hit / len(truth) if truth else 100.0
        print('%s: recall %d/%d (%.1f%%)' % (rule, hit, len(truth), percent))
        for path, line, col in missed:
            print('  missed %s:%d:%d' % (os.path.relpath(path, module), line, col))


if __name__ == '__main__':
    sys.exit(main())
