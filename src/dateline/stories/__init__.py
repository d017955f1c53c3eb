"""Stories (one real-world event and its follow-ups) and threads (long-running topics).

:func:`update_stories` embeds new articles and assigns them, in date order, to the stories
active around their dates or to new stories, and new stories to threads; nothing assigned
earlier moves. :func:`merge_stories` and :func:`split_story` record a user's corrections,
which later updates and :func:`rebuild_stories` respect. Queries return
:class:`~dateline.models.Story` and :class:`~dateline.models.Thread` records.
"""

from dateline.stories._cluster import ClusterParams
from dateline.stories._edit import merge_stories, split_story
from dateline.stories._query import (
    get_story,
    get_thread,
    list_stories,
    list_threads,
    related_stories,
    story_members,
    story_of,
    thread_stories,
)
from dateline.stories._run import StoriesReport, rebuild_stories, update_stories

__all__ = [
    "ClusterParams",
    "StoriesReport",
    "get_story",
    "get_thread",
    "list_stories",
    "list_threads",
    "merge_stories",
    "rebuild_stories",
    "related_stories",
    "split_story",
    "story_members",
    "story_of",
    "thread_stories",
    "update_stories",
]
