"""Forum pages: thin views over the selectors."""

from django.shortcuts import get_object_or_404, render

from mscos.forum import selectors
from mscos.forum.models import ForumCategory


def forum_index(request):
    return render(request, "forum/index.html", {"categories": selectors.categories_in_order()})


def category_detail(request, slug: str):
    category = get_object_or_404(ForumCategory, slug=slug)
    return render(request, "forum/category.html", {"category": category})
