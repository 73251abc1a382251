"""The editors' form: a Decap CMS configuration checked against the contracts and the documents
(``methlint cms check``, rules CMS001…) and generated from the contracts (``methlint cms generate``).

- :mod:`methlint.cms.decap`: what Decap CMS accepts (widgets, defaults) and a configuration read
  with the position of every value;
- :mod:`methlint.cms.contracts`: what the contracts say of a collection folder and of a key
  (the one place that knows which keys name other documents or files);
- :mod:`methlint.cms.form`: a configuration's collections with their documents and contracts;
- :mod:`methlint.cms.rules`: one module per rule;
- :mod:`methlint.cms.generate`: the collections written from the contracts, and the file kept
  around them.
"""
