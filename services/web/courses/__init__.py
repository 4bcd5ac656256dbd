"""The employee's course and exam after the license is used (the courses service's), their certificates, and the
public side of certificates: the verification page and what Open Badges verifiers fetch."""
