ALTER TABLE {{ schema }}.positions ADD COLUMN {% if hedged %}hedge_ref{% endif %} text;
