# One image for every process of the portal; docker-compose.yml picks the command (the Procfile's lines).
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN for dir in services/*/translations; do pybabel -q compile -d "$dir"; done
ENV PYTHONUNBUFFERED=1
