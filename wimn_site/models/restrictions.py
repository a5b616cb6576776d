"""'Is this in a private section (or collection)?' as one SQL condition.

Wagtail keeps pages and collections in trees: a restriction on a page or collection covers everything whose path
begins its path. The condition was an `Exists` over the restrictions with `Substr(OuterRef(path), 1,
Length(...))`; nearly every public query carries it, and Django took about as long to build and compile that
nested subquery as PostgreSQL took to run the whole query. `UnderRestriction` compiles to the same SQL test
directly.
"""

from django.db.models import BooleanField, Expression, F


class UnderRestriction(Expression):
    """True when the tree node whose path is `path` (a column of the outer query, through joins if need be) or one
    of its ancestors has a row in `restriction_model` (Wagtail's PageViewRestriction or CollectionViewRestriction,
    whose foreign key `node_field` points to the restricted node)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, path, restriction_model, node_field):
        super().__init__()
        self.path = F(path) if isinstance(path, str) else path
        self.restriction_model = restriction_model
        self.node_field = node_field

    def get_source_expressions(self):
        return [self.path]

    def set_source_expressions(self, expressions):
        (self.path,) = expressions

    def as_sql(self, compiler, connection):
        path_sql, params = compiler.compile(self.path)
        field = self.restriction_model._meta.get_field(self.node_field)
        quote = connection.ops.quote_name
        restrictions = quote(self.restriction_model._meta.db_table)
        nodes = quote(field.related_model._meta.db_table)
        key, node_key = quote(field.column), quote(field.target_field.column)
        # Table and column names from the models, the path as its compiled column: no input reaches this text.
        joined = f"{restrictions} wimn_restriction INNER JOIN {nodes} wimn_restricted"
        on = f"wimn_restricted.{node_key} = wimn_restriction.{key}"
        return f"EXISTS (SELECT 1 FROM {joined} ON {on} WHERE starts_with({path_sql}, wimn_restricted.path))", params  # noqa: S608
