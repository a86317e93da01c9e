#!/usr/bin/env python3
"""Every relative link and #anchor in the repository's README.md files resolves. Usage: check-readme-links.py ROOT"""
import os, re, sys, subprocess
root = sys.argv[1]
files = subprocess.run(['git','ls-files','--others','--cached','--exclude-standard','*README.md','README.md'],cwd=root,capture_output=True,text=True).stdout.split()
def anchors(path):
    out=set()
    for line in open(path, encoding='utf-8'):
        m=re.match(r'#+\s+(.*)', line)
        if m:
            a=m.group(1).strip().lower()
            a=re.sub(r'[^\w\- ]','',a).replace(' ','-')
            out.add(a)
    return out
bad=0; n=0
for f in files:
    p=os.path.join(root,f)
    text=open(p,encoding='utf-8').read()
    text=re.sub(r'```.*?```','',text,flags=re.S)
    for m in re.finditer(r'\]\(([^)\s]+)\)', text):
        link=m.group(1)
        if re.match(r'[a-z]+:', link): continue
        n+=1
        target, _, frag = link.partition('#')
        tp = os.path.normpath(os.path.join(os.path.dirname(p), target)) if target else p
        if not os.path.exists(tp):
            print(f'{f}: missing {link}'); bad+=1; continue
        if frag and tp.endswith('.md') and frag not in anchors(tp):
            print(f'{f}: no anchor {link}'); bad+=1
print(f'{len(files)} READMEs, {n} relative links, {bad} broken')
sys.exit(1 if bad else 0)
