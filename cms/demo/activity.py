"""The demo at work: each institution's items in every state of its own SOP.

For every institution ``seed_demo`` drives news items through the real machinery — Wagtail's
``workflow.start`` and ``resume``, the SOP tasks' own actions (``on_action``: approve, paraf,
platform choice, reject) as the demo users of the task's roles, and the SOP's publishing — and
then moves the recorded timestamps (task states, step timings, revisions, log entries, intake and
archive records, publication dates) to where the work would have happened: three months of
completed runs in office hours, placed with the institution's working-time clock, some steps
late, one sent back and corrected. Dates are relative to today.

Besides the history each institution gets drafts, one item waiting at each task (the first one
overdue, with its reminder recorded by the real follow-up job), one rejected item back with its
author and, where the SOP does not publish immediately, one scheduled item. Published items get
their audio and braille versions from the worker (queued by ``accessibility`` on publication).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from home.models import InstitutionRole, NewsIndexPage, NewsPage
from sop_workflow.definition import Kind
from sop_workflow.models import (
    AbstractSopTask,
    ArchiveRecord,
    Disposition,
    DispositionStatus,
    FollowUpTodo,
    InstalledSop,
    IntakeRegisterEntry,
    ParafRecord,
    PlatformChoice,
    SopPublicationTask,
    StepTiming,
)
from sop_workflow.moderation.checks import requirement_problems
from sop_workflow.moderation.forms import channel_choices
from sop_workflow.records.dispositions import chain_ids
from sop_workflow.records.follow_ups import complete
from sop_workflow.timekeeping.working_time import WorkingCalendar, calendar_for_site

SLUG_PREFIX = "alur-"  # the demo's SOP items; their presence marks an institution as done
HISTORY_RUNS = 8
HISTORY_DAYS = 91
DRAFTS = 2
# Actual step time as a share of the standard maximum, taken in turn: above 1 is late.
FACTORS = (0.35, 0.6, 0.8, 1.4, 0.5, 0.9, 0.45, 2.2, 0.7, 0.3, 1.15, 0.65, 0.55, 0.85)
TENTATIVE_STEP = timedelta(minutes=40)  # the usual time of a step whose SOP sets none
ON_TRACK_SHARE = 0.1  # how far into its standard a waiting task is
OVERDUE_SHARE = 1.5  # the overdue item: past its standard, below the escalation (2x)
REWORK = timedelta(minutes=45)
REJECTION = "Lengkapi unsur 5W+1H (mengapa kegiatan ini penting bagi warga) dan perbaiki judul."


def _tracked_max(model) -> int:
    return model.objects.aggregate(top=Max("pk"))["top"] or 0


# Rows written while an action runs get that action's moment: (model, field, filter to the page)
_WINDOWED = (
    (Revision, "created_at", "object_id"),
    (PageLogEntry, "timestamp", "page_id"),
    (ParafRecord, "given_at", None),
    (PlatformChoice, "chosen_at", "page_id"),
)


@dataclass
class Item:
    """One demo news item driven through its institution's SOP, each action at a moment."""

    runner: Runner
    page: NewsPage
    marks: list[tuple[datetime, dict]] = field(default_factory=list)
    starts: dict[int, datetime] = field(default_factory=dict)
    finishes: dict[int, datetime] = field(default_factory=dict)
    preparation: list[tuple[datetime, datetime]] = field(default_factory=list)
    submitted_at: datetime | None = None
    published_at: datetime | None = None
    approved_at: datetime | None = None  # the last task's approval (publication or schedule)
    rejected_at: datetime | None = None

    @property
    def workflow_state(self) -> WorkflowState | None:
        return (
            WorkflowState.objects.filter(
                base_content_type_id=self.page.get_base_content_type().pk,
                object_id=str(self.page.pk),
            )
            .order_by("-pk")
            .first()
        )

    def _mark(self, moment: datetime) -> None:
        self.marks.append((moment, {model: _tracked_max(model) for model, *_ in _WINDOWED}))

    def _current(self):
        state = self.workflow_state
        if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
            return None
        return state.current_task_state

    def _after(self, moment: datetime, before) -> None:
        if before is not None:
            before.refresh_from_db()
            if before.status != TaskState.STATUS_IN_PROGRESS:
                self.finishes[before.pk] = moment
        current = self._current()
        if current is not None and current.pk not in self.starts:
            self.starts[current.pk] = moment

    def submit(self, moment: datetime) -> None:
        """Submit the draft into the SOP workflow (``workflow.start``), as its submitter; where
        the SOP's drafting step answers a *disposisi*, the draft is written from one."""
        instructed = self.runner.dispose(self, moment)
        self._mark(moment)
        self.runner.installed.workflow.start(self.page, self.runner.submitter)
        if instructed:  # each instruction step, then the drafting, timed on its own
            points = [*instructed, moment]
            self.preparation.extend(zip(points, points[1:], strict=False))
        else:
            self.preparation.append((self.marks[0][0], moment))
        self.submitted_at = moment
        self._after(moment, None)

    def approve(self, moment: datetime) -> None:
        """Approve the current task as its roles' demo users (paraf and platforms as asked)."""
        state = self._current()
        task = state.task.specific
        for role_key in task.paraf_by[:-1] if task.paraf else ():
            self._mark(moment)
            self._act(task, state, self.runner.user(role_key), "paraf")
        user = self.runner.user(task.paraf_by[-1]) if task.paraf_by else self.runner.actor(task)
        self._mark(moment)
        data = {"comment": ""}
        if getattr(task, "choose_platforms", False):
            data["channels"] = [key for key, _label in channel_choices(task)]
        self._act(task, state, user, "approve", **data)
        if isinstance(task, SopPublicationTask) and self._current() is None:
            self.published_at = self.approved_at = moment
        self._after(moment, state)

    def reject(self, moment: datetime, comment: str = REJECTION) -> None:
        """Send the item back with a comment, as the current task's demo user."""
        state = self._current()
        task = state.task.specific
        self._mark(moment)
        self._act(task, state, self.runner.actor(task), "reject", comment=comment)
        self.rejected_at = moment
        self._after(moment, state)

    def correct(self, moment: datetime) -> None:
        """The author corrects the item and resubmits it (Wagtail's ``resume``)."""
        self._mark(moment)
        self.page.save_revision(user=self.runner.submitter, log_action=True)
        self.workflow_state.resume(self.runner.submitter)
        self.preparation.append((self.rejected_at, moment))
        self._after(moment, None)

    def follow_up(self, moment: datetime) -> datetime:
        """Do the published item's after-publication to-dos that are due (DPMK's filing gives
        its archive number; Bunder's link steps wait for the report the worker sends), each
        by the step's demo user in its standard time, as the dashboard's button does."""
        while (
            todo := FollowUpTodo.objects.filter(
                page_id=self.page.pk, done_at__isnull=True, due_since__isnull=False
            )
            .order_by("step_number")
            .first()
        ) is not None:
            standard = timedelta(seconds=todo.standard_max_seconds or 600)
            moment = self.runner.later(moment, standard * self.runner.factor())
            self._mark(moment)
            outcome = complete(todo, self.runner.user(todo.role_keys[0]))
            if not outcome.done:
                raise RuntimeError(f"{self.page.title}: step {todo.step_number}: {outcome.message}")
            FollowUpTodo.objects.filter(pk=todo.pk).update(done_at=moment)
        return moment

    def _act(self, task: AbstractSopTask, state, user, action: str, **data) -> None:
        if task.paraf:
            data.setdefault("initials", initials(user.username))
        task.on_action(state, user, action, **data)
        refused = action == "approve" and (
            TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
        )
        if refused:
            problems = "; ".join(requirement_problems(task, state))
            raise RuntimeError(f"{self.page.title}: step {task.step_label}: {problems}")

    def stamp(self) -> None:
        """Move every recorded timestamp of the item to the moment its action was placed at."""
        self._mark(self.marks[-1][0])  # closes the last window
        for (moment, before), (_later, after) in zip(self.marks, self.marks[1:], strict=False):
            for model, name, page_field in _WINDOWED:
                rows = model.objects.filter(pk__gt=before[model], pk__lte=after[model])
                if page_field:
                    rows = rows.filter(**{page_field: str(self.page.pk)})
                rows.update(**{name: moment})
        for pk, moment in self.starts.items():
            TaskState.objects.filter(pk=pk).update(started_at=moment)
            StepTiming.objects.filter(task_state_id=pk).update(started_at=moment)
        for pk, moment in self.finishes.items():
            TaskState.objects.filter(pk=pk).update(finished_at=moment)
            StepTiming.objects.filter(task_state_id=pk).update(finished_at=moment)
        workflow_state = self.workflow_state
        if workflow_state is not None:
            WorkflowState.objects.filter(pk=workflow_state.pk).update(created_at=self.submitted_at)
            self._stamp_preparation(workflow_state)
        self._stamp_records()

    def _stamp_preparation(self, workflow_state: WorkflowState) -> None:
        rows = StepTiming.objects.filter(
            workflow_state=workflow_state, task_state__isnull=True, kind=Kind.PREPARATION
        ).order_by("pk")
        for timing, (started, finished) in zip(rows, self.preparation, strict=False):
            timing.started_at, timing.finished_at = started, finished
            timing.save(update_fields=["started_at", "finished_at"])
        calendar = self.runner.calendar
        for timing in StepTiming.objects.filter(page_id=self.page.pk):
            if timing.kind == Kind.AFTER_PUBLICATION and self.approved_at:
                standard = timedelta(seconds=timing.standard_max_seconds or 600)
                timing.started_at = self.approved_at
                timing.finished_at = calendar.add_working_time(
                    self.approved_at, standard * self.runner.factor()
                )
            if timing.finished_at is not None:
                spent = calendar.working_time_between(timing.started_at, timing.finished_at)
                timing.working_seconds = max(0, int(spent.total_seconds()))
            timing.save(update_fields=["started_at", "finished_at", "working_seconds"])

    def _stamp_records(self) -> None:
        created = self.marks[0][0]
        last = max(moment for moment, _ in self.marks)
        fields = {"latest_revision_created_at": last, "date": timezone.localdate(created)}
        if self.submitted_at:
            IntakeRegisterEntry.objects.filter(page_id=self.page.pk).update(
                registered_at=self.submitted_at
            )
        if self.approved_at:
            approved = self.approved_at
            ArchiveRecord.objects.filter(page_id=self.page.pk).update(
                submitted_at=self.submitted_at, published_at=approved, archived_at=approved
            )
        if self.published_at:
            published = self.published_at
            fields |= {"first_published_at": published, "last_published_at": published}
            fields["date"] = timezone.localdate(published, self.runner.calendar.tz)
            Disposition.objects.filter(pk__in=chain_ids(self.page.pk)).update(closed_at=published)
        NewsPage.objects.filter(pk=self.page.pk).update(**fields)


def initials(username: str) -> str:
    """The paraf of a demo user: the initials of its role key (``dpmk.kasubbag`` -> ``K``)."""
    role = username.split(".", 1)[-1]
    return "".join(word[0] for word in role.split("_") if word).upper()[:20] or "P"


@dataclass
class Runner:
    """One institution's demo users, SOP tasks and working calendar."""

    key: str
    site: object
    installed: InstalledSop
    index: NewsIndexPage
    source: NewsPage
    calendar: WorkingCalendar
    titles: list[str]
    now: datetime
    factor_turn: int = 0

    @property
    def submitter(self):
        return self.user(self.installed.definition.submitter_roles[0].key)

    def user(self, role_key: str):
        return get_user_model().objects.get(username=f"{self.key}.{role_key}")

    def actor(self, task: AbstractSopTask):
        """The first demo user of the institution in one of the task's groups."""
        return (
            get_user_model()
            .objects.filter(groups__in=task.groups.all(), username__startswith=f"{self.key}.")
            .order_by("username")
            .first()
        )

    @property
    def tasks(self) -> list[AbstractSopTask]:
        return list(self.installed.workflow.tasks.specific())

    def factor(self) -> float:
        value = FACTORS[self.factor_turn % len(FACTORS)]
        self.factor_turn += 1
        return value

    def standard(self, task: AbstractSopTask) -> timedelta:
        if task.standard_tentative or task.standard_max_seconds is None:
            return TENTATIVE_STEP
        return timedelta(seconds=task.standard_max_seconds)

    def preparation_time(self) -> timedelta:
        steps = self.installed.definition.steps_of(Kind.PREPARATION)
        known = [step.time.max for step in steps if step.time.max is not None]
        return sum(known, timedelta(0)) or TENTATIVE_STEP * 2

    def later(self, moment: datetime, delta: timedelta) -> datetime:
        return self.calendar.add_working_time(moment, delta)

    def _step_time(self, step) -> timedelta:
        return step.time.max if step.time.max is not None else TENTATIVE_STEP

    def dispose(self, item: Item, moment: datetime) -> list[datetime]:
        """When the SOP's drafting step requires a *disposisi* (Bunder), the chain its
        instruction steps give, placed between the start of the item's work and its submission
        at ``moment`` in proportion to the steps' standards; the draft is then written at the
        end of the chain. Returns the moments: first instruction, each forwarding, the draft."""
        steps = self.installed.definition.steps_of(Kind.PREPARATION)
        drafting = next((step for step in steps if step.requires_disposition), None)
        instructions = [step for step in steps if step.action == "instruction"]
        if drafting is None or not instructions:
            return []
        if Disposition.objects.filter(page_id=item.page.pk).exists():
            return []
        start = item.marks[0][0]
        total = self.calendar.working_time_between(start, moment)
        whole = sum((self._step_time(step) for step in steps), timedelta(0))
        points, elapsed = [start], timedelta(0)
        for step in instructions:
            elapsed += self._step_time(step)
            points.append(self.later(start, total * (elapsed / whole)))
        takers = [step.actor[0] for step in instructions[1:]] + [drafting.actor[0]]
        parent = None
        for number, (step, taker) in enumerate(zip(instructions, takers, strict=True)):
            last = number == len(instructions) - 1
            parent = Disposition.objects.create(
                site=self.site,
                parent=parent,
                activity=item.page.title,
                material=item.page.lead,
                assignee_role=InstitutionRole.objects.get(site=self.site, key=taker),
                assigned_by=self.user(step.actor[0]),
                status=DispositionStatus.DRAFTED if last else DispositionStatus.FORWARDED,
                page=item.page if last else None,
            )
            Disposition.objects.filter(pk=parent.pk).update(
                assigned_at=points[number], done_at=points[number + 1]
            )
        item.marks[0] = (points[-1], item.marks[0][1])  # the draft is written from it
        return points

    def new_item(self, moment: datetime) -> Item:
        """A draft written by the submitter from the institution's own news material."""
        title = self.titles.pop(0)
        source = self.source
        day = timezone.localdate(moment, self.calendar.tz)
        lead = activity_lead(title, day)
        page = NewsPage(
            title=title,
            slug=f"{SLUG_PREFIX}{slugify(title)}"[:80],
            date=day,
            lead=lead,
            news_type=source.news_type,
            body=json.dumps([{"type": "paragraph", "value": f"<p>{lead}</p>"}]),
            share_image=source.share_image,
            share_image_alt=source.share_image_alt,
            owner=self.submitter,
            live=False,
            **{name: getattr(source, name) for name in NewsPage.FIVE_W_ONE_H_FIELDS},
        )
        page.what = title
        item = Item(runner=self, page=page)
        item._mark(moment)
        self.index.add_child(instance=page)
        page.save_revision(user=self.submitter, log_action=True)
        return item

    def run(self, start: datetime, *, until_task: int | None = None, reject: bool = False):
        """An item from its draft at ``start``: submitted, each task in its time; it stops
        waiting at task ``until_task`` (``None``: to the end), or after one rejection that is
        corrected (``reject``)."""
        item = self.new_item(start)
        moment = self.later(start, self.preparation_time() * self.factor())
        item.submit(moment)
        if reject:
            moment = self.later(moment, self.standard(self.tasks[0]) * self.factor())
            item.reject(moment)
            moment = self.later(moment, REWORK)
            item.correct(moment)
        done = 0
        while (state := item._current()) is not None and done != until_task:
            moment = self.later(moment, self.standard(state.task.specific) * self.factor())
            item.approve(moment)
            done += 1
        if item.published_at is not None:
            item.follow_up(moment)
        return item

    def duration_before(self, task_index: int) -> timedelta:
        """About how long an item takes from its draft to the start of task ``task_index``."""
        tasks = self.tasks[:task_index]
        return self.preparation_time() + sum((self.standard(t) for t in tasks), timedelta(0))


def activity_lead(title: str, day) -> str:
    """The lead of a demo item: what took place and when, in the words of a news release."""
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("id"):
        spoken_day = date_format(day, "l, j F Y")
    return (
        f"Kegiatan “{title}” berlangsung pada {spoken_day}. Warga dan "
        "perangkat setempat hadir dan mengikuti kegiatan hingga selesai."
    )


def rotated(titles: list[str], key: str) -> list[str]:
    """The titles starting at a place of the institution's own: each one's latest news (on the
    portal and its home page) is not every other institution's too."""
    start = sum(map(ord, key)) % len(titles)
    return titles[start:] + titles[:start]


def _runner(key: str, site, titles: list[str], now: datetime) -> Runner | None:
    installed = InstalledSop.current_for_site(site)
    index = NewsIndexPage.objects.child_of(site.root_page).first()
    if installed is None or index is None:
        return None
    if NewsPage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX).exists():
        return None
    source = NewsPage.objects.child_of(index).live().exclude(share_image=None).order_by("pk")
    if not source.exists():
        return None
    return Runner(key, site, installed, index, source.first(), calendar_for_site(site), titles, now)


def bring_to_life(key: str, site, short_name: str, titles: tuple[str, ...]) -> list[str]:
    """Give one institution its SOP at work; returns what was made (empty if already there)."""
    now = timezone.now()
    names = rotated([title.replace("{short_name}", short_name) for title in titles], key)
    runner = _runner(key, site, names, now)
    if runner is None:
        return []
    items: list[Item] = []
    first_day = timezone.localtime(now, runner.calendar.tz).replace(
        hour=8, minute=0, second=0, microsecond=0
    ) - timedelta(days=HISTORY_DAYS)
    spacing = timedelta(days=HISTORY_DAYS // HISTORY_RUNS)
    for number in range(HISTORY_RUNS):
        morning = runner.later(first_day + spacing * number, timedelta(minutes=30 + 25 * number))
        items.append(runner.run(morning, reject=number == 2))
    tasks = runner.tasks
    late = _overdue_task(runner)
    # The recent work, made in the order it began so agenda and archive numbers follow it.
    recent: list[tuple[datetime, Callable[[datetime], Item]]] = []
    for index, task in enumerate(tasks):
        share = OVERDUE_SHARE if late is not None and task.pk == late.pk else ON_TRACK_SHARE
        back = runner.duration_before(index) + runner.standard(task) * share
        recent.append((runner.later(now, -back), partial(_waiting, runner, task_index=index)))
    back = runner.duration_before(1) + timedelta(hours=2)
    recent.append((runner.later(now, -back), partial(_rejected, runner)))
    scheduled = not getattr(tasks[-1], "publish_immediately", False)
    if scheduled:
        back = runner.duration_before(len(tasks)) + timedelta(hours=1)
        recent.append((runner.later(now, -back), partial(_scheduled, runner, now=now)))
    for number in range(DRAFTS):
        recent.append((runner.later(now, -timedelta(hours=3 + number)), runner.new_item))
    for start, make in sorted(recent, key=lambda pair: pair[0]):
        items.append(make(start))
    for item in items:
        item.stamp()
    return [
        f"alur SOP {short_name}: {HISTORY_RUNS} berita selesai dalam tiga bulan, "
        f"{len(tasks)} menunggu di tiap tahap, 1 dikembalikan, "
        f"{'1 terjadwal, ' if scheduled else ''}{DRAFTS} draf"
    ]


def _overdue_task(runner: Runner) -> AbstractSopTask | None:
    """The task whose waiting item is overdue: the one with the shortest standard (it would be
    the first to run out anyway), so the others keep their time left for longer."""
    timed = [t for t in runner.tasks if not t.standard_tentative and t.standard_max_seconds]
    return min(timed, key=runner.standard, default=None)


def _rejected(runner: Runner, start: datetime) -> Item:
    """An item sent back at the first task with a comment, waiting for its author."""
    item = runner.new_item(start)
    moment = runner.later(start, runner.preparation_time())
    item.submit(moment)
    item.reject(runner.later(moment, runner.standard(runner.tasks[0]) * 0.5))
    return item


def _waiting(runner: Runner, start: datetime, task_index: int) -> Item:
    """An item drafted at ``start`` that has passed the tasks before ``task_index``."""
    item = runner.new_item(start)
    moment = runner.later(start, runner.preparation_time())
    item.submit(moment)
    for task in runner.tasks[:task_index]:
        moment = runner.later(moment, runner.standard(task))
        item.approve(moment)
    return item


def _scheduled(runner: Runner, start: datetime, now: datetime) -> Item:
    """An item approved to the end that goes live later today or on the next working day."""
    item = runner.new_item(start)
    page = item.page
    page.go_live_at = runner.later(now, timedelta(hours=4))
    page.save_revision(user=runner.submitter, log_action=True)
    moment = runner.later(start, runner.preparation_time())
    item.submit(moment)
    while item._current() is not None:
        moment = runner.later(moment, runner.standard(item._current().task.specific) * 0.5)
        item.approve(moment)
    item.published_at = None  # it is scheduled, not live
    return item
