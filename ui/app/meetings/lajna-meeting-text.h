#pragma once

#include "lajna-meeting.h"

G_BEGIN_DECLS

char *lajna_vote_tally_describe    (const LajnaVoteTally  *tally);
char *lajna_decision_describe      (const LajnaDecision   *decision);

G_END_DECLS
