import csv, re, sys, collections, unicodedata
INTENTS = """enjoy_work stuck retirement flex_contract job_insecurity unemployed training funding career_change career_growth job_crafting workload_health work_life_balance conflict_at_work job_search career_test hr_conversation ask_cost ask_privacy ask_how_it_works request_human delete_my_data crisis greet goodbye thank affirm deny bot_challenge ask_capabilities inform out_of_scope""".split()
import os
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'real_sentences.tsv')
lines = open(path, encoding='utf-8').read().split('\n')
assert lines[0] == 'text\tintent\tdoubt\tsource\tlang', lines[0]
seen = {}
errors = 0
rows = [l for l in lines[1:] if l != '']
for i, l in enumerate(rows, start=2):
    parts = l.split('\t')
    if len(parts) != 5:
        print('line', i, 'has', len(parts), 'columns'); errors += 1; continue
    text, intent, doubt, source, lang = parts
    if intent not in INTENTS: print('line', i, 'bad intent', intent); errors += 1
    if lang not in ('nl', 'vl'): print('line', i, 'bad lang', lang); errors += 1
    if not text.strip(): print('line', i, 'empty text'); errors += 1
    if not source.startswith('http'): print('line', i, 'bad source', source); errors += 1
    key = re.sub(r'[\W_]+', ' ', unicodedata.normalize('NFKC', text).lower()).strip()
    if key in seen: print('line', i, 'duplicate of line', seen[key]); errors += 1
    seen[key] = i
c = collections.Counter(l.split('\t')[1] for l in rows)
print('rows', len(rows), 'errors', errors)
print(sorted(c.items(), key=lambda x: -x[1]))
sys.exit(1 if errors else 0)
