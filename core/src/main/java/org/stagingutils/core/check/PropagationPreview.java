// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.TransactionMode;

/**
 * A dry run of stagingprop over the checked tables, run once per stagingcheck and shared by the
 * checks that look at pending changes: what propagation would refuse is exactly what they report.
 */
final class PropagationPreview {
  private static final Logger LOG = LoggerFactory.getLogger(PropagationPreview.class);

  private final CheckRequest request;
  private Optional<PropagationResult> result;

  PropagationPreview(CheckRequest request) {
    this.request = request;
  }

  /** The dry run's result; empty when the staged tables cannot be propagated at all. */
  Optional<PropagationResult> result() {
    if (result == null) {
      result = run();
    }
    return result;
  }

  private Optional<PropagationResult> run() {
    try {
      return Optional.of(
          new StagingPropagation()
              .propagate(
                  new PropagationRequest(
                      request.config(),
                      request.tables(),
                      ConflictPolicy.SKIP,
                      TransactionMode.ONE,
                      PropagationRequest.DEFAULT_BATCH_SIZE,
                      true,
                      Optional.empty(),
                      Optional.empty(),
                      PropagationRequest.DEFAULT_RETAIN_DAYS,
                      request.changeSets(),
                      false)));
    } catch (StagingException e) {
      if (e.category() != ErrorCategory.CONFIGURATION) {
        throw e;
      }
      // The schema and config checks report why; pending changes cannot be judged meanwhile.
      LOG.warn("pending changes not checked: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
