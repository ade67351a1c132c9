"""Judging aligned claims, one module per kind of difference; `compare.judge` wires them together.

- `base`: the values passed around (one side of a pair, a draft finding) and turning drafts into findings.
- `resolve`: who a short name, a title or a pronoun stands for across the reports.
- `context`: the words around a fact (lemmas, governing verbs): are two facts about one thing?
- `numbers`, `times`, `entities`, `polarity`, `attribution`: pair findings of each type.
- `coverage`: unique claims and omissions; `internal`: a report contradicting itself, and figures
  told differently in statements alignment kept apart.
- `verdicts`: pair relations and claim verdicts from the findings.
"""
