#!/usr/bin/env python3
"""Lists the Leptos components (#[component] functions) of src/ by length, longest first:
   python3 scripts/component-lines.py [min_lines]"""
import glob, re, sys

def components():
    for f in sorted(glob.glob('src/**/*.rs', recursive=True)):
        lines = open(f).read().split('\n')
        for i, l in enumerate(lines):
            if l.strip() != '#[component]':
                continue
            j = i + 1
            while not re.match(r'\s*(pub(\([a-z]+\))? )?fn ', lines[j]):
                j += 1
            name = re.search(r'fn (\w+)', lines[j]).group(1)
            indent = len(lines[j]) - len(lines[j].lstrip())
            k = j + 1
            while not (lines[k].startswith(' ' * indent + '}') and len(lines[k].rstrip()) == indent + 1):
                k += 1
            yield k - j + 1, f, name

least = int(sys.argv[1]) if len(sys.argv) > 1 else 0
for n, f, name in sorted(components(), reverse=True):
    if n >= least:
        print(f'{n:4} {f} {name}')
