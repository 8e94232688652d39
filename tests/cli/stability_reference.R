# The reference of tests/cli/stability_reference_test.cpp: R's survival package on each data set.
# Usage: Rscript stability_reference.R OUTDIR FILE.csv...
# FILE.csv holds rows time,event,group under a header. For each, this writes to OUTDIR:
#   FILE.steps.csv    group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper: the rows of
#                     survfit, with summary()'s std.err (the standard error of surv);
#   FILE.curves.csv   group,n,events,median,lower,upper: print.survfit's table (its median rule);
#   FILE.logrank.csv  chisq,df,p: survdiff, rho = 0, when there are two groups or more.
# Every figure has 17 significant digits; a missing one is NA (or NaN, as R gives it).
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
num <- function(x) sprintf("%.17g", x)
strip <- function(strata) sub("^group=", "", as.character(strata))

for (file in args[-1]) {
  d <- read.csv(file, colClasses = c("numeric", "integer", "character"), encoding = "UTF-8")
  base <- file.path(out, sub("\\.csv$", "", basename(file)))
  fit <- survfit(Surv(time, event) ~ group, data = d)

  s <- summary(fit, censored = TRUE)
  group <- if (is.null(s$strata)) rep(d$group[1], length(s$time)) else strip(s$strata)
  steps <- paste(group, s$time, s$n.risk, s$n.event, s$n.censor, num(s$surv), num(s$std.err),
                 num(s$lower), num(s$upper), sep = ",")
  writeLines(c("group,time,n_risk,n_event,n_censor,surv,std_err,lower,upper", steps),
             paste0(base, ".steps.csv"), useBytes = TRUE)

  table <- summary(fit)$table
  if (!is.matrix(table)) {
    table <- matrix(table, nrow = 1, dimnames = list(paste0("group=", d$group[1]), names(table)))
  }
  curves <- paste(strip(rownames(table)), table[, "records"], table[, "events"],
                  num(table[, "median"]), num(table[, "0.95LCL"]), num(table[, "0.95UCL"]),
                  sep = ",")
  writeLines(c("group,n,events,median,lower,upper", curves), paste0(base, ".curves.csv"),
             useBytes = TRUE)

  if (length(unique(d$group)) > 1) {
    test <- survdiff(Surv(time, event) ~ group, data = d)
    df <- sum(test$exp > 0) - 1
    writeLines(c("chisq,df,p", paste(num(test$chisq), df, num(test$pvalue), sep = ",")),
               paste0(base, ".logrank.csv"))
  }
}
