"""``--runner DaskRunner``: Beam's Dask runner (batch) with the fixes hushbeam needs.

Beam 2.77's ``apache_beam.runners.dask`` maps every transform to one Dask bag, keyed by
the transform, and computes only the last bag. For this pipeline that is wrong in five
ways (found running it; see docs/performance.md):

* a multi-output ParDo (``with_outputs``: records, dead letters, tokens, quarantine)
  drops the tags and puts all its outputs in one bag, so every consumer of any output
  gets all of them (a dead letter reaches JoinConversations: ``'str' object has no
  attribute 'get'``);
* what a DoFn emits in ``finish_bundle`` is lost (results are collected before it):
  WriteToParquet's write results, so no Parquet file would be finalised;
* branches that do not lead to the last transform are never run;
* Reshuffle is a no-op, so the records of one file stay in one partition: one worker
  redacts them all however many the cluster has;
* a side input (WriteToParquet's, WriteAnonymized's) is computed again, inside the worker
  that reads it, from the start of the pipeline (redaction twice, files written twice),
  by a blocking compute call in a worker thread.

:class:`HushbeamDaskRunner` keeps Beam's translations of Create, GroupByKey and Flatten,
runs each ParDo partition with fresh receivers that keep the tags and collects outputs
after ``finish_bundle`` (on a DoFn set up once per worker thread and run, not per partition), spreads a Reshuffle over 4 partitions per worker thread, gives
every PCollection its own bag (a multi-output ParDo's bag split by tag) and persists every bag on the cluster as it is built, so each PCollection
is computed once and every branch runs; a side input is computed on the cluster and its
(small) values brought to the driver, then shipped with the tasks that read it.
Batch only (the Dask runner has no streaming). Needs ``requirements-dask.txt``.
"""
from __future__ import annotations

import functools
import threading
import uuid
from typing import Dict, Optional, Tuple

from apache_beam import DoFn, pvalue
from apache_beam.runners.common import (DoFnContext, DoFnInvoker, DoFnSignature,
                                        _OutputHandler)


def _has_tag(item, tag) -> bool:
    if tag is None:
        return not isinstance(item, pvalue.TaggedOutput)
    return isinstance(item, pvalue.TaggedOutput) and item.tag == tag


def _untag(item):
    return item.value if isinstance(item, pvalue.TaggedOutput) else item


# Per worker process: the DoFns set up, by (run id, the ParDo's full label, thread). A DoFn
# is set up once per worker thread and run (its data key unwrapped once, its spaCy engines
# loaded once), not once per partition; the same instance serves that thread's later
# bundles, as Beam's own runners reuse a DoFn; torn down when the run ends (_tear_down).
_SET_UP: Dict[Tuple[str, str, int], DoFn] = {}
_SET_UP_LOCK = threading.Lock()


def _tear_down(run: str) -> int:
    """Tear down this process's DoFns of ``run`` (best effort); how many there were."""
    with _SET_UP_LOCK:
        done = [_SET_UP.pop(key) for key in [k for k in _SET_UP if k[0] == run]]
    for fn in done:
        try:
            fn.teardown()
        except Exception:  # pylint: disable=broad-except  # teardown is best effort in Beam
            pass
    return len(done)


def _run_bundle(items, fn, window_fn, label, side_inputs, args, kwargs,
                stage: Optional[Tuple[str, str]] = None):
    """One Dask partition as one bundle: start_bundle, process, finish_bundle on the DoFn
    set up for ``stage`` (run id, the ParDo's full label) in this worker thread (setup on
    its first bundle; without ``stage``, a DoFn of this bundle only); the outputs
    (main ones bare, others as TaggedOutput) after finish_bundle. The stages never change
    their input records (they emit copies), so a partition may be read again."""
    from apache_beam.runners.dask.transform_evaluator import OneReceiver

    receivers = OneReceiver()
    handler = _OutputHandler(
        window_fn=window_fn, main_receivers=receivers[None], tagged_receivers=receivers,
        per_element_output_counter=None, output_batch_converter=None,
        process_yields_batches=False, process_batch_yields_elements=False)
    key = stage and (*stage, threading.get_ident())
    with _SET_UP_LOCK:
        cached = _SET_UP.get(key) if key else None
    invoker = DoFnInvoker.create_invoker(
        DoFnSignature(fn if cached is None else cached), handler,
        context=DoFnContext(label, state=None),
        side_inputs=side_inputs, input_args=args, input_kwargs=kwargs,
        user_state_context=None, bundle_finalizer_param=DoFn.BundleFinalizerParam())
    if cached is None:
        invoker.invoke_setup()
        if key:
            with _SET_UP_LOCK:
                _SET_UP[key] = fn
    invoker.invoke_start_bundle()
    for item in items:
        invoker.invoke_process(item)
    invoker.invoke_finish_bundle()
    if not key:  # not kept: torn down with its bundle
        invoker.invoke_teardown()
    return [pvalue.TaggedOutput(v.tag, v.value.value) if isinstance(v, pvalue.TaggedOutput)
            else v.value for v in receivers.values]


def dask_runner():
    """The runner instance (imports dask only now: it is an optional dependency)."""
    import apache_beam
    from apache_beam.pipeline import PipelineVisitor
    from apache_beam.runners.dask import dask_runner as beam_dask
    from apache_beam.runners.dask.overrides import _Reshuffle, dask_overrides
    from apache_beam.runners.dask.transform_evaluator import (
        TRANSLATIONS, Flatten, NoOp, ParDo, get_windowed_value)
    from apache_beam.transforms.sideinputs import SideInputMap

    class _ParDo(ParDo):
        def apply(self, input_bag, side_inputs=None):
            transform = self.transform
            args, kwargs = transform.raw_side_inputs
            main_input = next(iter(self.applied.main_inputs.values()))
            window_fn = getattr(getattr(main_input, "windowing", None), "windowfn", None)
            return input_bag.map(get_windowed_value, window_fn).map_partitions(
                _run_bundle, transform.fn, window_fn, transform.label, side_inputs,
                list(args), kwargs, stage=(run["id"], self.applied.full_label))

    spread = {"partitions": 1}
    run = {"id": None}  # a new id per run: its DoFns are set up once per worker thread

    class _Spread(NoOp):
        """Reshuffle (a no-op in Beam's Dask runner, so one file's records would stay in one
        partition, on one worker): split into partitions for every worker thread."""

        def apply(self, input_bag, side_inputs=None):
            if input_bag.npartitions >= spread["partitions"]:
                return input_bag
            return input_bag.repartition(npartitions=spread["partitions"])

    translations = {**TRANSLATIONS, apache_beam.ParDo: _ParDo, _Reshuffle: _Spread}

    class _Visitor(PipelineVisitor):
        def __init__(self, client, bag_kwargs):
            self.client, self.bag_kwargs = client, bag_kwargs
            self.bags = {}  # PCollection -> persisted bag
            self.held = []  # every persisted bag, held until the run ends
            self.consumed = set()

        def visit_transform(self, node) -> None:
            op = translations.get(node.transform.__class__, NoOp)(
                node, bag_kwargs=self.bag_kwargs)
            inputs = [self.bags[i] for i in node.inputs if i in self.bags]
            self.consumed.update(node.inputs)
            if not inputs:  # a root (Create)
                inputs = None
            elif len(inputs) == 1 and not isinstance(op, Flatten):
                inputs = inputs[0]
            side_inputs = None
            if node.side_inputs:
                side_inputs = [SideInputMap(
                    type(si), si._view_options(),  # pylint: disable=protected-access
                    self._materialized(si)) for si in node.side_inputs]
                self.consumed.update(si.pvalue for si in node.side_inputs)
            bag = self._persisted(op.apply(input_bag=inputs, side_inputs=side_inputs))
            outputs = list(node.outputs.items())
            for tag, pcoll in outputs:  # several: split by tag (the ParDo runs once)
                self.bags[pcoll] = bag if len(outputs) == 1 else self._persisted(bag.filter(
                    functools.partial(_has_tag, tag=tag)).map(_untag))

        def _persisted(self, bag):
            if not hasattr(bag, "dask"):  # not a bag (a transform with no output)
                return bag
            self.held.append(self.client.persist(bag))
            return self.held[-1]

        def _materialized(self, side_input) -> list:
            """A side input's values, computed once on the cluster, brought here."""
            values = self.client.compute(self.bags[side_input.pvalue]).result()
            mapping = side_input._window_mapping_fn  # pylint: disable=protected-access
            return [get_windowed_value(v, mapping) for v in values]

        def leaves(self):
            return [bag for pcoll, bag in self.bags.items() if pcoll not in self.consumed]

    class HushbeamDaskRunner(beam_dask.DaskRunner):
        """Beam's DaskRunner: tags kept, a bag per PCollection, every bag persisted once."""

        def run_pipeline(self, pipeline, options):
            import dask.distributed as ddist

            dask_options = options.view_as(beam_dask.DaskOptions).get_all_options(
                drop_default=True, current_only=True)
            bag_kwargs = beam_dask.DaskOptions._extract_bag_kwargs(  # pylint: disable=W0212
                dask_options)
            client = ddist.Client(**dask_options)
            spread["partitions"] = 4 * max(1, sum(client.nthreads().values()))
            run["id"] = uuid.uuid4().hex
            pipeline.replace_all(dask_overrides())
            visitor = _Visitor(client, bag_kwargs)
            pipeline.visit(visitor)
            return _Result(client, client.compute(visitor.leaves()), visitor.held, run["id"])

    class _Result(beam_dask.DaskRunnerResult):
        """Holds the persisted bags until the run ends, then tears the run's DoFns down on
        every worker and disconnects from the cluster."""

        def __init__(self, client, futures, persisted, run_id):
            super().__init__(client, futures)
            self.persisted, self.run_id = persisted, run_id

        def wait_until_finish(self, duration=None):
            try:
                return super().wait_until_finish(duration)
            finally:
                self.persisted = None
                try:
                    self.client.run(_tear_down, self.run_id)
                except Exception:  # pylint: disable=broad-except  # best effort, as in Beam
                    pass
                self.client.close()

    return HushbeamDaskRunner()
