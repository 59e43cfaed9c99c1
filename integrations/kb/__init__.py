"""Knowledge base as code: read ``kb/`` sources, plan against a helpdesk, apply, export.

Data flows one way: files → `sources.load_kb` (neutral `model.KnowledgeBase`, sanitised) →
`plan.plan_kb` (pure: desired vs remote vs `lock.KbLock`) → `apply.apply_kb` through a
`target.KbTarget` adapter (`integrations.helpdesk.guide` / `.solutions`). `export.export_kb`
goes the other way. See each module's docstring.
"""
