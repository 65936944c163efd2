"""The admin's Groups pages say what each group may do (roles.ROLE_DESCRIPTIONS)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.views import groups

from mscos.accounts.roles import ROLE_DESCRIPTIONS


def description_of(group) -> str:
    return str(ROLE_DESCRIPTIONS.get(group.name, ""))


class DescriptionColumn(Column):
    def get_value(self, instance):
        return description_of(instance)


class DescribedGroupIndexView(groups.IndexView):
    columns = [*groups.IndexView.columns, DescriptionColumn("description", label=_("What it does"))]


class DescribedGroupEditView(groups.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["group_description"] = description_of(self.object)
        return context


class DescribedGroupViewSet(groups.GroupViewSet):
    index_view_class = DescribedGroupIndexView
    edit_view_class = DescribedGroupEditView
    edit_template_name = "accounts/admin/group_edit.html"
