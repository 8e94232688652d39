# The R side of bench/stability.
#   Rscript bench/stability.R generate FILE   100,000 subjects in 4 groups (fixed seed) as CSV
#   Rscript bench/stability.R time FILE       seconds of survfit + survdiff on FILE, timed after
#                                             reading it and after one warm-up run
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "generate") {
  # Stays drawn from exponential distributions with medians of 2.75 to 8.37 years (the GP list
  # figures of Abelsen et al. 2015), follow-up of 30 days to 10 years: about 3,600 distinct days
  # in each group, and three in five subjects censored.
  set.seed(16)
  n <- 100000
  medians <- c(introduction = 2.75, substitute = 4, salaried = 5.91, "self-employed" = 8.37)
  group <- sample(names(medians), n, replace = TRUE)
  stay <- floor(rexp(n, log(2) / (medians[group] * 365.25)))
  followed <- sample(30:3650, n, replace = TRUE)
  d <- data.frame(time = pmin(stay, followed), event = as.integer(stay < followed), group = group)
  write.csv(d, args[2], row.names = FALSE, quote = FALSE)
} else if (args[1] == "time") {
  d <- read.csv(args[2], colClasses = c("numeric", "integer", "character"))
  run <- function() {
    fit <- survfit(Surv(time, event) ~ group, data = d)
    test <- survdiff(Surv(time, event) ~ group, data = d)
    invisible(list(fit, test))
  }
  run()
  start <- Sys.time()
  run()
  cat(sprintf("%.6f\n", as.numeric(Sys.time() - start, units = "secs")))
} else {
  stop("usage: stability.R generate|time FILE")
}
